import { useQuery } from '@tanstack/react-query';
import { type ApiData, api, dataOf } from '../../../lib/api.client.ts';
import { moneyKeys, type StatementParams } from './money.keys.ts';

export type Statement = ApiData<'/api/money/statement', 'get'>;

/** The statement with one party over a period; waits until the party is chosen. */
export function useStatement(params: StatementParams | null) {
  return useQuery({
    queryKey: moneyKeys.statement(params ?? { from: '', to: '' }),
    enabled: params !== null,
    queryFn: ({ signal }) => dataOf(api.GET('/api/money/statement', { params: { query: params! }, signal })),
  });
}

/** Where the exports download from (the same query as the page). */
export function exportUrl(
  path: '/api/money/statement.pdf' | '/api/money/statement.csv' | '/api/money/payments.csv' | '/api/money/payments.pdf',
  query: Record<string, string | undefined>,
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) search.set(key, value);
  return `${path}?${search.toString()}`;
}
