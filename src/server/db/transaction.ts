import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db, Executor, Tx } from './client.ts';

type Effect = () => void | Promise<void>;
const pending = new WeakMap<Tx, Effect[]>();
const finishing = new WeakMap<Tx, Effect[]>();
const owners = new WeakMap<Tx, Db>();
/** Transactions opened by runAsOneTransaction: the runInTransaction calls made inside them join them. */
const joined = new WeakSet<Tx>();

/**
 * Runs fn in one transaction. Effects registered with afterCommit(tx, …) run once it has
 * committed (never inside it: under PGlite an open transaction blocks every other request).
 */
export async function runInTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (joined.has(db as unknown as Tx)) return fn(db as unknown as Tx);
  let effects: Effect[] = [];
  const result = await db.transaction(async (tx) => {
    effects = [];
    const last: Effect[] = [];
    pending.set(tx, effects);
    finishing.set(tx, last);
    owners.set(tx, db);
    const value = await fn(tx);
    // In the transaction, after its work: what was gathered along the way, written once.
    for (let i = 0; i < last.length; i++) await last[i]!();
    return value;
  });
  for (const effect of effects) {
    try {
      await effect();
    } catch (error) {
      console.error('after-commit effect failed', error);
    }
  }
  return result;
}

/**
 * Runs fn, and every service it calls with the transaction, as ONE transaction: a service's own
 * runInTransaction joins it instead of opening a savepoint, so what the services gather (live
 * events, locked audit chain heads) is written once at the end, and their after-commit effects
 * run once it has committed. All or nothing: nothing inside it can be rolled back alone, so it
 * is for batches that either all happen or not at all (the demo data).
 */
export async function runAsOneTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return runInTransaction(db, async (tx) => {
    joined.add(tx);
    return fn(tx);
  });
}

export function afterCommit(tx: Executor, effect: Effect): void {
  const list = pending.get(tx as Tx);
  if (list) list.push(effect);
  else void Promise.resolve().then(effect);
}

/**
 * Runs effect inside the transaction once its work is done, just before it commits (a failure
 * rolls it back): for writes gathered along the way and made in one statement. Outside a
 * runInTransaction transaction, returns false and does nothing: the caller writes at once.
 */
export function beforeCommit(tx: Executor, effect: Effect): boolean {
  const list = finishing.get(tx as Tx);
  if (!list) return false;
  list.push(effect);
  return true;
}

/** The database an executor belongs to: itself, or the one a runInTransaction transaction was opened on. */
export function databaseOf(executor: Executor): Db {
  return owners.get(executor as Tx) ?? (executor as Db);
}

/** What each read of readTogether answers, in order. */
type ReadResults<R extends ReadonlyArray<() => PromiseLike<unknown>>> = { -readonly [K in keyof R]: Awaited<ReturnType<R[K]>> };

/**
 * Runs independent reads: side by side on the database (each on a connection of the pool), one
 * after another in a transaction, whose one connection runs one statement at a time (node-postgres
 * deprecates a second query on a busy client). Each read is a function, so that none starts early.
 */
export async function readTogether<const R extends ReadonlyArray<() => PromiseLike<unknown>>>(
  executor: Executor,
  ...reads: R
): Promise<ReadResults<R>> {
  type Results = ReadResults<R>;
  if (!(executor instanceof PgTransaction)) return (await Promise.all(reads.map((read) => read()))) as Results;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as Results;
}
