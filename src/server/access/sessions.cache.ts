import { createHash } from 'node:crypto';
import { gt, lt, or, sql } from 'drizzle-orm';
import type { Db, Executor } from '../db/client.ts';
import { sessionInvalidations } from '../db/schema/index.ts';
import { afterCommit, databaseOf } from '../db/transaction.ts';
import type { RequestContext } from './actor.ts';
import type { LoadedMembership } from './memberships.ts';

/** A resolved session: who it is and every membership, as loaded on its last cold request. */
export interface CachedSession {
  sessionId: string;
  createdAtMs: number;
  expiresAtMs: number;
  user: RequestContext['user'];
  memberships: LoadedMembership[];
  loadedAtMs: number;
}

/** What went stale: every cached session of a user, or of everyone in an organization or contractor. */
export type InvalidationScope = `user:${string}` | `organization:${string}` | `contractor:${string}`;

export interface SessionCacheOptions {
  ttlMs?: number;
  maxEntries?: number;
}

/**
 * Sessions resolved once and kept in process for a short time (bounded, least recently used
 * first out), keyed by the hash of the session cookie. Dropped by scope the moment this process
 * changes something, and by other processes through session_invalidations (see pollInvalidations).
 */
export class SessionCache {
  readonly ttlMs: number;
  readonly maxEntries: number;
  /** Bumped by every drop: a load that started before a drop is not stored. */
  generation = 0;
  private readonly entries = new Map<string, CachedSession>();
  private readonly dropListeners = new Set<(scope: InvalidationScope | 'all') => void>();

  constructor(options: SessionCacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? 30_000;
    this.maxEntries = options.maxEntries ?? 5_000;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string, now = Date.now()): CachedSession | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (now - entry.loadedAtMs > this.ttlMs || now >= entry.expiresAtMs) return undefined;
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, entry: CachedSession, generationAtLoad: number): void {
    if (generationAtLoad !== this.generation) return;
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  /** Hears every drop (this process's changes and other processes' through pollInvalidations): long-lived streams recheck their session. */
  onDrop(listener: (scope: InvalidationScope | 'all') => void): () => void {
    this.dropListeners.add(listener);
    return () => this.dropListeners.delete(listener);
  }

  drop(scope: InvalidationScope | 'all'): void {
    this.generation++;
    for (const listener of this.dropListeners) listener(scope);
    if (scope === 'all') {
      this.entries.clear();
      return;
    }
    for (const [key, entry] of this.entries) if (touches(entry, scope)) this.entries.delete(key);
  }
}

function touches(entry: CachedSession, scope: InvalidationScope): boolean {
  const [kind, id] = [scope.slice(0, scope.indexOf(':')), scope.slice(scope.indexOf(':') + 1)];
  if (kind === 'user') return entry.user.id === id;
  if (kind === 'organization') return entry.memberships.some((m) => m.membership.kind === 'staff' && m.membership.organizationId === id);
  return entry.memberships.some((m) => m.membership.kind !== 'staff' && m.membership.contractorId === id);
}

/** The cache key of a session cookie value: its hash, so the cache never holds a usable token. */
export function hashSessionCookie(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

/** Every cache in this process on a database (an app per cache; tests may build two apps on one database). */
const caches = new WeakMap<Db, Set<SessionCache>>();

export function attachSessionCache(db: Db, cache: SessionCache): void {
  const attached = caches.get(db) ?? new Set<SessionCache>();
  attached.add(cache);
  caches.set(db, attached);
}

/**
 * Marks cached sessions stale. Recorded in the same transaction for other processes, and
 * dropped from this process's cache once it commits (right away outside a transaction).
 */
export async function invalidateSessions(executor: Executor, scope: InvalidationScope): Promise<void> {
  await executor.insert(sessionInvalidations).values({ scope });
  const db = databaseOf(executor);
  afterCommit(executor, () => {
    for (const cache of caches.get(db) ?? []) cache.drop(scope);
  });
}

const PRUNE_EVERY = 30;

/** How far back each poll looks again: identities are handed out at insert, not at commit, so a row with a lower id can commit after a higher one was read. */
const LOOKBACK = sql`interval '60 seconds'`;

/**
 * Follows session_invalidations written by other processes: every intervalMs, the rows not seen
 * yet (newer than the last id, or written in the last minute, since ids can commit out of order)
 * drop their scopes here. Returns a function that stops it.
 */
export async function pollInvalidations(db: Db, cache: SessionCache, intervalMs = 2_000): Promise<() => void> {
  const [start] = await db.select({ last: sql<number | null>`max(${sessionInvalidations.id})` }).from(sessionInvalidations);
  let last = Number(start?.last ?? 0);
  /** Ids already applied, with when they were first seen: kept as long as the look-back can return them. */
  const seen = new Map<number, number>();
  let rounds = 0;
  let running = false;
  const poll = async () => {
    if (running) return;
    running = true;
    try {
      const rows = await db
        .select({ id: sessionInvalidations.id, scope: sessionInvalidations.scope })
        .from(sessionInvalidations)
        .where(or(gt(sessionInvalidations.id, last), gt(sessionInvalidations.createdAt, sql`now() - ${LOOKBACK}`)))
        .orderBy(sessionInvalidations.id)
        .limit(1000);
      const fresh = rows.filter((row) => !seen.has(row.id));
      const now = Date.now();
      if (rows.length >= 1000) cache.drop('all');
      else for (const row of fresh) cache.drop(row.scope as InvalidationScope);
      for (const row of fresh) seen.set(row.id, now);
      for (const [id, at] of seen) if (now - at > 120_000) seen.delete(id);
      last = Math.max(last, rows.at(-1)?.id ?? last);
      if (++rounds % PRUNE_EVERY === 0)
        await db.delete(sessionInvalidations).where(lt(sessionInvalidations.createdAt, sql`now() - interval '10 minutes'`));
    } catch {
      // the database is briefly unreachable: cached entries still expire by their TTL
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void poll(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
