import { useQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/api.client.ts';

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
  return getJson<{ items: MailboxEmail[] }>('/api/dev/mailbox', undefined, signal);
}

export function useMailbox() {
  return useQuery({
    queryKey: ['dev-mailbox'],
    queryFn: ({ signal }) => listMailbox(signal),
    refetchInterval: 5_000,
    retry: false,
  });
}
