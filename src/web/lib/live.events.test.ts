import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { connectLive, type LiveSource, rootsForLiveMessage } from './live.events.ts';
import { queryRoots } from './query.roots.ts';

/** A stand-in for the browser's EventSource (the edge): the test plays the server's side. */
class FakeSource implements LiveSource {
  onmessage: ((event: MessageEvent<string>) => void) | null = null;
  closed = false;
  url = '';
  private readonly listeners = new Map<string, Array<() => void>>();
  addEventListener(type: string, listener: () => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close(): void {
    this.closed = true;
  }
  emit(data: unknown): void {
    this.onmessage?.({ data: JSON.stringify(data) } as MessageEvent<string>);
  }
  emitNamed(type: string): void {
    for (const listener of this.listeners.get(type) ?? []) listener();
  }
}

function seeded(): QueryClient {
  const client = new QueryClient();
  for (const root of Object.values(queryRoots)) client.setQueryData([...root, 'detail'], { seeded: true });
  return client;
}

/** Polls until check holds (generous limit): the refresh is batched on a timer. */
async function until(check: () => boolean): Promise<void> {
  for (const deadline = Date.now() + 10_000; !check(); ) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const stale = (client: QueryClient) =>
  Object.entries(queryRoots)
    .filter(([, root]) => client.getQueryState([...root, 'detail'])?.isInvalidated)
    .map(([name]) => name)
    .sort();

describe('live updates in the browser', () => {
  it('maps each subject to the roots that show it', () => {
    expect(rootsForLiveMessage({ kind: 'status.changed', subjectType: 'milestone' })).toEqual([
      queryRoots.milestones,
      queryRoots.contracts,
      queryRoots.home,
    ]);
    expect(rootsForLiveMessage({ kind: 'notification.created', subjectType: 'notification' })).toEqual([queryRoots.notifications]);
    expect(rootsForLiveMessage({ kind: 'message.created', subjectType: 'engagement' })).toContain(queryRoots.messages);
    expect(rootsForLiveMessage({ kind: 'something.new', subjectType: 'unknown' })).toEqual([]);
  });

  it('opens one stream, refreshes the roots of each event, everything on a reset, and closes', async () => {
    const client = seeded();
    const sources: FakeSource[] = [];
    const close = connectLive(client, {
      batchMs: 1,
      open: (url) => {
        const source = new FakeSource();
        source.url = url;
        sources.push(source);
        return source;
      },
    });
    expect(sources.map((s) => s.url)).toEqual(['/api/events']);
    sources[0]!.emit({ id: 1, kind: 'status.changed', subjectType: 'job', subjectId: 'j1' });
    sources[0]!.emit({ id: 2, kind: 'notification.created', subjectType: 'notification', subjectId: 'n1' });
    await until(() => stale(client).length >= 5);
    expect(stale(client)).toEqual(['desk', 'home', 'jobs', 'notifications', 'techView']);

    const again = seeded();
    const closeAgain = connectLive(again, { open: () => sources[sources.push(new FakeSource()) - 1]! });
    sources[1]!.emitNamed('reset');
    expect(stale(again)).toEqual(Object.keys(queryRoots).sort());
    close();
    closeAgain();
    expect(sources.every((s) => s.closed)).toBe(true);
  });
});
