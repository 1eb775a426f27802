import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, dataOf } from '../../../lib/api.client.ts';
import { moneyKeys } from './money.keys.ts';

export interface Party {
  id: string;
  name: string;
}

/**
 * The other parties the person has engagements with (organizations for a contractor, contractors
 * for staff), found by name: the first 50 matches, narrowed by typing.
 */
export function useParties(side: 'contractor' | 'staff', q: string) {
  return useQuery({
    queryKey: moneyKeys.parties(`${side}:${q}`),
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => {
      const page = await dataOf(api.GET('/api/engagements', { params: { query: { q: q || undefined, limit: 50 } }, signal }));
      const seen = new Map<string, Party>();
      for (const e of page.items) {
        const party = side === 'contractor' ? e.organization : e.contractor;
        seen.set(party.id, { id: party.id, name: party.name });
      }
      return { parties: [...seen.values()], more: page.nextCursor !== null };
    },
  });
}
