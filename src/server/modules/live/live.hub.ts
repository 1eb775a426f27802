import { canSeeLiveEvent, type LiveEventRecord } from '../../access/live.visibility.ts';
import { LIVE_CHANNEL } from '../../access/live.raise.ts';
import type { Database } from '../../db/client.ts';
import type { LiveConnection } from './live.connection.ts';
import { newestLiveEventId, readLiveEvents, readLiveEventsAfter } from './live.events.ts';

/**
 * The fan-out of one process: ONE listener on the database (PostgreSQL: a dedicated connection
 * LISTENing on portico_live; PGlite: its own listen()), and the same path for both: a NOTIFY names
 * an event id → the ids that arrived together are read in one statement (with the job's assigned
 * technicians) → each open stream gets the events its person may see.
 */
export class LiveHub {
  private readonly connections = new Set<LiveConnection>();
  private pending = new Set<number>();
  private flushing: Promise<void> | null = null;
  private started: Promise<void> | null = null;
  private stopListening: (() => Promise<void>) | null = null;
  /** The newest id this process has delivered: after a lost LISTEN connection, what came later is read back. */
  private newestId = 0;

  constructor(
    private readonly database: Database,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  get size(): number {
    return this.connections.size;
  }

  /** Starts listening on the first stream (a process nobody streams from holds no extra connection). */
  start(): Promise<void> {
    this.started ??= this.database
      .listen(LIVE_CHANNEL, {
        onPayload: (payload) => this.receive(payload),
        onReconnect: () => void this.catchUp(),
      })
      .then(async (stop) => {
        this.stopListening = stop;
        this.newestId = Math.max(this.newestId, await newestLiveEventId(this.database.db));
      })
      .catch((error) => {
        this.started = null;
        throw error;
      });
    return this.started;
  }

  add(connection: LiveConnection): void {
    this.connections.add(connection);
    connection.whenClosed(() => this.connections.delete(connection));
  }

  all(): LiveConnection[] {
    return [...this.connections];
  }

  /** Ends every stream (the browser reconnects, to another process or after a restart) and the listener. */
  async stop(): Promise<void> {
    for (const connection of this.connections) connection.close();
    this.connections.clear();
    await this.flushing?.catch(() => undefined);
    const stop = this.stopListening;
    this.stopListening = null;
    this.started = null;
    await stop?.();
  }

  private receive(payload: string): void {
    const id = Number(payload);
    if (!Number.isSafeInteger(id) || id <= 0) return;
    this.pending.add(id);
    this.flushing ??= this.flush();
  }

  /** Reads the ids that arrived together (one statement) and delivers them; ids arriving meanwhile wait for the next round. */
  private async flush(): Promise<void> {
    try {
      while (this.pending.size > 0) {
        const ids = [...this.pending];
        this.pending = new Set();
        if (this.connections.size === 0) continue;
        this.deliver(await readLiveEvents(this.database.db, ids));
      }
    } catch (error) {
      this.onError(error);
    } finally {
      this.flushing = null;
      if (this.pending.size > 0) this.flushing = this.flush();
    }
  }

  private async catchUp(): Promise<void> {
    try {
      this.deliver(await readLiveEventsAfter(this.database.db, this.newestId));
    } catch (error) {
      this.onError(error);
    }
  }

  private deliver(events: readonly LiveEventRecord[]): void {
    for (const event of events) {
      this.newestId = Math.max(this.newestId, event.id);
      for (const connection of this.connections) if (canSeeLiveEvent(connection.userId, connection.actors, event)) connection.send(event);
    }
  }
}
