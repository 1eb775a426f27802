import { useQuery } from '@tanstack/react-query';
import { requestOutsideApi } from '../../../lib/api.client.ts';
import { queryRoots } from '../../../lib/query.roots.ts';

export interface MailboxEmail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  status: string;
  createdAt: string;
}

/** Emails the server would have sent; only answered when the server is not in production. */
export function listMailbox(signal?: AbortSignal): Promise<{ items: MailboxEmail[] }> {
  return requestOutsideApi<{ items: MailboxEmail[] }>('/api/dev/mailbox', { signal });
}

export function useMailbox() {
  return useQuery({
    queryKey: queryRoots.devMailbox,
    queryFn: ({ signal }) => listMailbox(signal),
    refetchInterval: 5_000,
    retry: false,
  });
}
