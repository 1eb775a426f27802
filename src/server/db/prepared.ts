import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from './client.ts';
import { withCompiledRowMapper } from './row.mapper.ts';

/**
 * What a prepared read is asked with. A string, a number or a list of strings (a `text[]`) is a
 * value: a placeholder in the statement, so a new value reuses it. `true`, `false` and
 * `undefined` shape the statement: a filter asked for or not, one view or another; each shape is
 * built once.
 */
export type ReadValues = Record<string, string | number | readonly string[] | boolean | undefined>;

/** A Drizzle query that can be prepared: a select, before it runs. */
interface Preparable<R> {
  prepare(name: string): { execute(values?: Record<string, unknown>): Promise<R> };
}

type Prepared<R> = ReturnType<Preparable<R>['prepare']>;

/**
 * Shapes kept per read and executor, the first built first out: a list's filters combine into a
 * few hundred shapes at most, of which a handful are used; the bound keeps a client that walks
 * through every combination from growing the process.
 */
const MAX_SHAPES = 64;

/** Who reads: the access module's actor (`src/server/access/actor.ts`), which this floor does not import. */
type Reader = { kind: string };

/** The actor's fields that only shape the statement; every other field (its ids) is a value. */
const actorShapeFields = new Set(['kind', 'role']);

function actorPlaceholders<A extends Reader>(actor: A): A {
  return Object.fromEntries(
    Object.entries(actor).map(([field, value]) => [field, actorShapeFields.has(field) ? value : sql.placeholder(`actor.${field}`)]),
  ) as A;
}

function actorValues(actor: Reader): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(actor)) if (!actorShapeFields.has(field)) values[`actor.${field}`] = value;
  return values;
}

/** The statement's shape: the actor's kind and role, which values are given, and each switch. */
function shapeOf(actor: Reader, values: ReadValues): string {
  let shape = `${actor.kind}:${'role' in actor ? actor.role : ''}`;
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    shape += typeof value === 'boolean' ? `|${name}=${value}` : `|${name}`;
  }
  return shape;
}

function placeholdersFor<V extends ReadValues>(values: V): V {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      name,
      value === undefined || typeof value === 'boolean' ? value : sql.placeholder(`value.${name}`),
    ]),
  ) as V;
}

function valuesOf(values: ReadValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) if (value !== undefined && typeof value !== 'boolean') out[`value.${name}`] = value;
  return out;
}

/** Prepared reads made so far in this process: each one's number is part of its statements' names. */
let readsMade = 0;

/**
 * The statement's name on PostgreSQL: node-postgres prepares a named statement once per pool
 * connection (parse, and with plan_cache_mode force_generic_plan one plan: see
 * planner.settings.mjs) and then only binds and executes it. Named by the read and its shape,
 * which fix its text (the rule above: values never decide what is built), so that the statement
 * built again in a new transaction is the same prepared statement, without building its text a
 * second time to name it; a connection keeps at most one statement per read and shape. Were two
 * texts ever given one name, node-postgres would refuse the second ("Prepared statements must be
 * unique"), not run the wrong one. PGlite's driver passes no name: its thread prepares every
 * statement by its text.
 */
function statementName(read: number, shape: string): string {
  return `portico_read_${read}_${createHash('sha256').update(shape).digest('base64url').slice(0, 24)}`;
}

/**
 * A hot read built by Drizzle once per shape and executor, then run with new values: building a
 * select (its SQL text from the query's parts) costs more of the main thread than reading its
 * rows back (measured: ~0.25 ms of ~0.9 ms per request for the milestone list on PGlite).
 *
 * `build` receives placeholders where the read will receive values: the actor whose ids are
 * placeholders (so the access module's scopes are the ones every read uses), and `values` with
 * each string or number a placeholder. It must use values only inside the query, never to
 * decide in JavaScript what to build: that is what the booleans are for. A value reaches the
 * driver as it is given (no column encoder): ids, dates and timestamps as text, numbers as
 * numbers. The access module's scopes branch on an actor's kind and role only, which is why
 * those two shape the statement and its ids are values. Statements are kept per executor (the database, or one transaction), so a read in a
 * transaction sees its writes.
 */
export function preparedRead<A extends Reader, V extends ReadValues, R>(
  build: (db: Executor, actor: A, values: V) => Preparable<R>,
): (db: Executor, actor: A, values: V) => Promise<R> {
  const read = ++readsMade;
  const byExecutor = new WeakMap<Executor, Map<string, Prepared<R>>>();
  return (db, actor, values) => {
    let shapes = byExecutor.get(db);
    if (!shapes) {
      shapes = new Map();
      byExecutor.set(db, shapes);
    }
    const shape = shapeOf(actor, values);
    let statement = shapes.get(shape);
    if (!statement) {
      const query = build(db, actorPlaceholders(actor), placeholdersFor(values));
      // Its rows mapped by a mapper compiled once for the statement (row.mapper.ts).
      statement = withCompiledRowMapper(query.prepare(statementName(read, shape)));
      if (shapes.size >= MAX_SHAPES) shapes.delete(shapes.keys().next().value!);
      shapes.set(shape, statement);
    }
    return statement.execute({ ...actorValues(actor), ...valuesOf(values) });
  };
}
