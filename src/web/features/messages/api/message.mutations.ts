import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '../../../lib/api.client.ts';
import { messageKeys } from './message.keys.ts';
import type { Message } from './messages.query.ts';

export interface NewMessage {
  body: string;
  subject?: { kind: 'contract' | 'milestone' | 'payment' | 'invoice' | 'job'; id: string };
  fileIds: string[];
}

/** Posts with an Idempotency-Key made once per message, so a retried request never posts twice. */
export function usePostMessage(threadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ message, key }: { message: NewMessage; key: string }) =>
      dataOf(
        api.POST('/api/threads/{id}/messages', { params: { path: { id: threadId }, header: { 'idempotency-key': key } }, body: message }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: messageKeys.all }),
  });
}

export function useEditMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ message, body }: { message: Message; body: string }) =>
      dataOf(
        api.PATCH('/api/messages/{id}', {
          params: { path: { id: message.id }, header: { 'if-match': `"${message.version}"` } },
          body: { body },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: messageKeys.all }),
  });
}

export function useDeleteMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => dataOf(api.DELETE('/api/messages/{id}', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: messageKeys.all }),
  });
}

/** Marks the thread read; the badge and the thread list refresh. */
export function useMarkThreadRead(threadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => dataOf(api.POST('/api/threads/{id}/read', { params: { path: { id: threadId } } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: messageKeys.unread });
      void queryClient.invalidateQueries({ queryKey: messageKeys.thread(threadId) });
      void queryClient.invalidateQueries({ queryKey: messageKeys.threads() });
    },
  });
}
