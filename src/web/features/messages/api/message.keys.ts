import { queryRoots } from '../../../lib/query.roots.ts';

/** What a thread page shows: all of it, the messages about one record (`job:<id>`), or those matching a search. */
export interface MessageFilters {
  subject?: string;
  q?: string;
}

/** Every messages query lives under the 'messages' root: a live message event refreshes them all. */
export const messageKeys = {
  all: queryRoots.messages,
  threads: (jobId?: string) => [...queryRoots.messages, 'threads', jobId ?? null] as const,
  unread: [...queryRoots.messages, 'unread'] as const,
  thread: (id: string) => [...queryRoots.messages, 'thread', id] as const,
  list: (id: string, filters: MessageFilters) => [...queryRoots.messages, 'list', id, filters.subject ?? null, filters.q ?? null] as const,
  notes: (id: string) => [...queryRoots.messages, 'notes', id] as const,
};
