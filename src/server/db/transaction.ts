import type { Db, Executor, Tx } from './client.ts';

type Effect = () => void | Promise<void>;
const pending = new WeakMap<Tx, Effect[]>();
const owners = new WeakMap<Tx, Db>();

/**
 * Runs fn in one transaction. Effects registered with afterCommit(tx, …) run once it has
 * committed (never inside it: under PGlite an open transaction blocks every other request).
 */
export async function runInTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  let effects: Effect[] = [];
  const result = await db.transaction(async (tx) => {
    effects = [];
    pending.set(tx, effects);
    owners.set(tx, db);
    return fn(tx);
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

export function afterCommit(tx: Executor, effect: Effect): void {
  const list = pending.get(tx as Tx);
  if (list) list.push(effect);
  else void Promise.resolve().then(effect);
}

/** The database an executor belongs to: itself, or the one a runInTransaction transaction was opened on. */
export function databaseOf(executor: Executor): Db {
  return owners.get(executor as Tx) ?? (executor as Db);
}
