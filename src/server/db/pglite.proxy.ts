import { Worker } from 'node:worker_threads';
import { projectPath } from '../lib/paths.ts';

interface QueryOptions {
  rowMode?: 'array' | 'object';
  /** Only ever identity functions here (Drizzle keeps dates and intervals as text): sent as type ids. */
  parsers?: Record<number, unknown>;
}

export interface QueryResult {
  rows: unknown[];
  affectedRows?: number;
  fields: Array<{ name: string; dataTypeID: number }>;
}

export interface PgliteTransaction {
  query(sql: string, params?: unknown[], options?: QueryOptions): Promise<QueryResult>;
  exec(sql: string): Promise<QueryResult[]>;
  rollback(): Promise<void>;
}

type Notification = { channel: string; payload: string };
type Parsers = Record<number, (value: string, typeId: number) => unknown>;
type Reader = typeof import('./pglite.results.mjs');
type Pending = { resolve: (value: unknown) => void; reject: (error: unknown) => void };

/**
 * One at a time, in order: what PGlite's single connection allows. Nothing runs before the
 * database has started (`ready`); when it failed to start, every turn fails with that error.
 */
class Turns {
  private tail: Promise<unknown> = Promise.resolve();
  constructor(private readonly ready: Promise<void>) {}
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(() => this.ready).then(fn);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/**
 * The database thread's young generation (V8's nursery), in MB. That thread's JavaScript makes
 * little garbage (the answers' bytes live outside the heap), yet V8 grew its nursery as it would
 * a busy main thread's. Capped, the process's resident memory after a warm-up is 12–18 MB
 * smaller (a first start with demo data 306 → 288 MB, a restart 267 → 255 MB), with no change to
 * the lists' throughput or the thread's CPU per request in a same-run A/B.
 */
const DATABASE_THREAD_YOUNG_GENERATION_MB = 4;

/**
 * PGlite in a worker thread, behind the part of PGlite's API that Drizzle's pglite driver and
 * pg-boss use (query, exec, transaction, close, dumpDataDir). The WASM PostgreSQL runs off the
 * main thread, so a slow query never stalls HTTP. Like PGlite itself: one statement at a time,
 * and a transaction holds the connection until it ends (others wait their turn).
 */
export class PgliteProxy {
  readonly waitReady: Promise<void>;
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private readonly turns: Turns;
  private nextId = 1;
  private closed = false;
  private readonly ended: Promise<void>;
  /** LISTEN callbacks per channel (the worker LISTENs once per channel). */
  private readonly listeners = new Map<string, Set<(payload: string) => void>>();
  /** Reads the rows of an answer the worker sends as bytes, with PGlite's parsers (set once open). */
  private reader: Reader | undefined;
  private parsers: Parsers = {};
  /** PGlite's parsers with a statement's own (Drizzle keeps dates as text), merged once per set of types: a copy per statement cost ~0.15 ms. */
  private readonly parsersByTypes = new Map<string, Parsers>();

  /**
   * `template`: a new data directory starts as a copy of the built template (initialised and
   * migrated), made on the database's thread, while the main thread loads the application.
   */
  constructor(
    dataDir: string | undefined,
    options: { loadDataDir?: Blob; template?: { templatesDir: string; migrationsFolder: string } } = {},
  ) {
    // A plain JavaScript file: no TypeScript loader (tsx) needed on that thread.
    this.worker = new Worker(projectPath('src/server/db/pglite.worker.mjs'), {
      execArgv: [],
      resourceLimits: { maxYoungGenerationSizeMb: DATABASE_THREAD_YOUNG_GENERATION_MB },
    });
    this.worker.on('message', (message: { id: number; result?: unknown; error?: Record<string, unknown>; notification?: Notification }) => {
      if (message.notification) return this.deliver(message.notification);
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (message.error) waiting.reject(Object.assign(new Error(String(message.error.message)), message.error));
      else waiting.resolve(message.result);
    });
    this.worker.on('error', (error) => this.failAll(error));
    this.worker.on('exit', (code) => this.failAll(new Error(`the database thread stopped (exit code ${code})`)));
    this.ended = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    // Loaded while the database starts (it loads PGlite's parsers on this thread too).
    const reading = import('./pglite.results.mjs');
    this.waitReady = (async () => {
      const loadDataDir = options.loadDataDir ? await options.loadDataDir.arrayBuffer() : undefined;
      const opened = (await this.send(
        { op: 'open', dataDir, loadDataDir, template: options.template },
        loadDataDir ? [loadDataDir] : [],
      )) as {
        arrayTypes: Array<[number, number]>;
      };
      this.reader = await reading;
      this.parsers = this.reader.pgliteParsers(opened.arrayTypes);
    })();
    this.turns = new Turns(this.waitReady);
  }

  query(sql: string, params?: unknown[], options?: QueryOptions): Promise<QueryResult> {
    return this.turns.run(() => this.queryNow(sql, params, options));
  }

  exec(sql: string): Promise<QueryResult[]> {
    return this.turns.run(() => this.execNow(sql));
  }

  transaction<T>(fn: (tx: PgliteTransaction) => Promise<T>): Promise<T> {
    return this.turns.run(async () => {
      await this.execNow('BEGIN');
      let ended = false;
      const tx: PgliteTransaction = {
        query: (sql, params, options) => this.queryNow(sql, params, options),
        exec: (sql) => this.execNow(sql),
        rollback: async () => {
          ended = true;
          await this.execNow('ROLLBACK');
        },
      };
      try {
        const result = await fn(tx);
        if (!ended) await this.execNow('COMMIT');
        return result;
      } catch (error) {
        if (!ended) await this.execNow('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }

  /** PGlite's LISTEN: onPayload gets each NOTIFY's payload on the channel once the notifying transaction commits. */
  async listen(channel: string, onPayload: (payload: string) => void): Promise<() => void> {
    let callbacks = this.listeners.get(channel);
    if (!callbacks) {
      callbacks = new Set();
      this.listeners.set(channel, callbacks);
      await this.turns.run(() => this.send({ op: 'listen', channel }));
    }
    callbacks.add(onPayload);
    return () => callbacks.delete(onPayload);
  }

  private deliver(notification: Notification): void {
    for (const callback of this.listeners.get(notification.channel) ?? []) callback(notification.payload);
  }

  /** The whole data directory as a tarball (`portico backup`). */
  async dumpDataDir(compression: 'gzip' | 'none' = 'gzip'): Promise<Blob> {
    const buffer = (await this.turns.run(() => this.send({ op: 'dump', compression }))) as ArrayBuffer;
    return new Blob([buffer], { type: compression === 'gzip' ? 'application/x-gzip' : 'application/x-tar' });
  }

  /**
   * Closes PGlite and waits for its thread to end by itself. Only a thread that has not ended
   * 30 s after (or whose close failed) is terminated: terminating a thread that runs WASM is a
   * known cause of whole-process aborts (see pglite.worker.mjs).
   */
  async close(): Promise<void> {
    if (this.closed) return;
    let closedCleanly = false;
    try {
      await this.turns.run(() => this.send({ op: 'close' }));
      closedCleanly = true;
    } finally {
      this.closed = true;
      if (!closedCleanly || !(await this.endsWithin(30_000))) await this.worker.terminate();
    }
  }

  private endsWithin(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      this.ended.then(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  private async queryNow(sql: string, params?: unknown[], options?: QueryOptions): Promise<QueryResult> {
    const textTypes = Object.keys(options?.parsers ?? {});
    const wire = options ? { rowMode: options.rowMode, textTypes: textTypes.map(Number) } : undefined;
    const result = (await this.send({ op: 'query', sql, params, options: wire })) as QueryResult | { answer: Uint8Array };
    if (!('answer' in result)) return result;
    // A plain answer (rows, no error or notification) comes as PostgreSQL's bytes: read here.
    return this.reader!.readResult(result.answer, this.parsersWith(options?.parsers, textTypes), options?.rowMode)!;
  }

  /** PGlite's parsers with the statement's own (Drizzle's keep dates, times and intervals as text). */
  private parsersWith(own: QueryOptions['parsers'], types: string[]): Parsers {
    if (types.length === 0) return this.parsers;
    const key = types.join(',');
    let parsers = this.parsersByTypes.get(key);
    if (!parsers) {
      parsers = { ...this.parsers, ...(own as Parsers) };
      this.parsersByTypes.set(key, parsers);
    }
    return parsers;
  }

  private execNow(sql: string): Promise<QueryResult[]> {
    return this.send({ op: 'exec', sql }) as Promise<QueryResult[]>;
  }

  private send(message: Record<string, unknown>, transfer: ArrayBuffer[] = []): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('the database is closed'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id }, transfer);
    });
  }

  private failAll(error: unknown): void {
    this.closed = true;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
