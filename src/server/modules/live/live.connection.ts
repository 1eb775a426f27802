import type { ServerResponse } from 'node:http';
import type { LiveMessage } from '../../../shared/domain/live.events.ts';
import type { Actor } from '../../access/actor.ts';
import type { LiveEventRecord } from '../../access/live.visibility.ts';

/** A stream that falls this far behind (bytes not yet taken by the client) is closed: the browser reconnects and catches up. */
const MAX_BUFFERED_BYTES = 1024 * 1024;
/** Ids remembered per stream so that catch-up and live delivery never send one twice. */
const SENT_MEMORY = 2_000;

/** How long the browser waits before reconnecting (the SSE `retry:` field). */
export const RETRY_MS = 3_000;

/** One open event stream: who it is for (their memberships as of the last check) and the response it writes to. */
export class LiveConnection {
  actors: Actor[];
  closed = false;
  private readonly sent = new Set<number>();
  private readonly onClose = new Set<() => void>();

  constructor(
    readonly userId: string,
    actors: Actor[],
    private readonly res: ServerResponse,
  ) {
    this.actors = actors;
    res.on('close', () => this.close());
  }

  /** The status line and headers, the reconnect delay, and a first comment (proxies then pass the stream on at once). */
  open(headers: Record<string, string | number | string[]>): void {
    this.res.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    this.write(`retry: ${RETRY_MS}\n: connected\n\n`);
  }

  /** Writes one event, once per id. */
  send(event: LiveEventRecord): void {
    if (this.closed || this.sent.has(event.id)) return;
    this.sent.add(event.id);
    if (this.sent.size > SENT_MEMORY) this.sent.delete(this.sent.values().next().value as number);
    const message: LiveMessage = { id: event.id, kind: event.kind, subjectType: event.subjectType, subjectId: event.subjectId };
    this.write(`id: ${event.id}\ndata: ${JSON.stringify(message)}\n\n`);
  }

  /** Too much was missed: the client refetches everything, and continues from `lastId`. */
  reset(lastId: number): void {
    this.write(`id: ${lastId}\nevent: reset\ndata: {}\n\n`);
  }

  comment(text: string): void {
    this.write(`: ${text}\n\n`);
  }

  whenClosed(listener: () => void): void {
    if (this.closed) listener();
    else this.onClose.add(listener);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (!this.res.writableEnded) this.res.end();
    for (const listener of this.onClose) listener();
    this.onClose.clear();
  }

  private write(chunk: string): void {
    if (this.closed) return;
    if (this.res.writableLength > MAX_BUFFERED_BYTES) {
      this.close();
      return;
    }
    this.res.write(chunk);
  }
}
