import type { QueryClient } from '@tanstack/react-query';
import { LIVE_EVENTS_PATH, LIVE_RESET_EVENT, type LiveMessage } from '../../shared/domain/live.events.ts';
import { queryRoots } from './query.roots.ts';

type Root = (typeof queryRoots)[keyof typeof queryRoots];

/** The query roots each kind of subject refreshes: its own feature's, and the pages that count or total it. */
const rootsBySubject: Record<string, readonly Root[]> = {
  engagement: [queryRoots.engagements, queryRoots.home],
  contract: [queryRoots.contracts, queryRoots.engagements, queryRoots.home],
  milestone: [queryRoots.milestones, queryRoots.contracts, queryRoots.home],
  payment: [queryRoots.payments, queryRoots.money, queryRoots.home],
  invoice: [queryRoots.invoices, queryRoots.money, queryRoots.home],
  job: [queryRoots.jobs, queryRoots.desk, queryRoots.techView, queryRoots.home],
  notification: [queryRoots.notifications],
  message: [queryRoots.messages],
  thread: [queryRoots.messages],
};

/** The roots an event refreshes: by its subject, and every `message.*` / `notification.*` kind by its own root. */
export function rootsForLiveMessage(message: Pick<LiveMessage, 'kind' | 'subjectType'>): readonly Root[] {
  const roots = new Set<Root>(rootsBySubject[message.subjectType] ?? []);
  if (message.kind.startsWith('message.') || message.kind.startsWith('thread.')) roots.add(queryRoots.messages);
  if (message.kind.startsWith('notification.')) roots.add(queryRoots.notifications);
  return [...roots];
}

/** The part of EventSource used here (a browser's, or a test's stand-in). */
export interface LiveSource {
  onmessage: ((event: MessageEvent<string>) => void) | null;
  addEventListener(type: string, listener: () => void): void;
  close(): void;
}

export interface ConnectLiveOptions {
  /** Opens the stream (default: the browser's EventSource on /api/events, which reconnects by itself with Last-Event-ID). */
  open?: (url: string) => LiveSource;
  /** Events arriving within this many ms refresh each root once (default 100). */
  batchMs?: number;
}

/**
 * One event stream for this tab: each event marks the queries of its roots stale (active ones
 * refetch through the normal API, which checks access again); a reset refreshes everything.
 * Returns a function that closes the stream.
 */
export function connectLive(queryClient: QueryClient, options: ConnectLiveOptions = {}): () => void {
  const open = options.open ?? ((url: string) => new EventSource(url, { withCredentials: true }) as unknown as LiveSource);
  const source = open(LIVE_EVENTS_PATH);
  const waiting = new Set<Root>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    for (const root of waiting) void queryClient.invalidateQueries({ queryKey: root });
    waiting.clear();
  };
  source.onmessage = (event) => {
    let message: LiveMessage;
    try {
      message = JSON.parse(event.data) as LiveMessage;
    } catch {
      return;
    }
    for (const root of rootsForLiveMessage(message)) waiting.add(root);
    timer ??= setTimeout(flush, options.batchMs ?? 100);
  };
  source.addEventListener(LIVE_RESET_EVENT, () => void queryClient.invalidateQueries());
  return () => {
    if (timer) clearTimeout(timer);
    source.close();
  };
}
