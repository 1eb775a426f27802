/**
 * The planner settings of every database session Portico opens, as name → value:
 * - PGlite's one session: SET by pglite.worker.mjs once it has started (`plannerSetStatement`, with
 *   the worker's own generic plans);
 * - each PostgreSQL connection of the pool: sent in the connection's startup packet (the `options`
 *   parameter, `plannerStartupOptions`), so no statement and no hook runs per connection. A
 *   `DATABASE_URL` that carries its own `options=` replaces these.
 * planner.settings.test.ts checks them on the database the suite runs on.
 *
 * random_page_cost 1.1 instead of PostgreSQL's 4 (a value for spinning disks): a portal's data is
 * in memory, the OS's cache or on an SSD, so reading a page through an index costs about what
 * reading the next page does. At 4 the planner joined a page of 30 milestones to their contracts
 * by hashing every contract of the database (2,005 rows: ~2 ms of the query's ~2.3 ms on PGlite);
 * at 1.1 it looks each one up by its key (0.56 ms in all). On PostgreSQL 15, same-run A/B at 10
 * connections: a company's pending milestones 474 -> 881 req/s, the large contracts list 412 -> 666.
 *
 * plan_cache_mode force_generic_plan: one generic plan per prepared statement, made at its first
 * run and reused. At PostgreSQL's default (auto) a statement is planned again with each run's
 * values for its first five runs, and for good whenever the generic plan's estimate comes out
 * above the custom plans' (for most lists it does: an organization's rows are estimated as a share
 * of the table's), so most list requests were planned again every time.
 * - PGlite (its thread prepares each statement by its text): same-run A/B, 10 connections, PGlite's
 *   CPU per request: contracts (5 contracts) 0.82 -> 0.37 ms, 28% -> 48-54% of the baseline;
 *   engagements 0.54 -> 0.21 ms; a large company's pending milestones 1.67 -> 0.74 ms.
 * - PostgreSQL (the prepared reads are named statements, prepared once per pool connection:
 *   src/server/db/prepared.ts): same-run A/B on PostgreSQL 15, 10 connections, named statements
 *   and generic plans together: the small company's contracts 1317-1812 -> 2077-2845 req/s, its
 *   pending milestones 884-981 -> 1166-1449, the large company's contracts 692-744 -> 816-996,
 *   its pending milestones 609-681 -> 771-1060.
 * Both databases so run the same plans, the ones the suite checks on either.
 */
const PLANNER_SETTINGS = { random_page_cost: '1.1', plan_cache_mode: 'force_generic_plan' };

/** One SET statement per setting, for a session that is already open (PGlite's). */
export function plannerSetStatement() {
  return Object.entries(PLANNER_SETTINGS)
    .map(([name, value]) => `set ${name} = ${value};`)
    .join(' ');
}

/** The settings as PostgreSQL's startup `options` (`-c name=value …`), for a connection being opened. */
export function plannerStartupOptions() {
  return Object.entries(PLANNER_SETTINGS)
    .map(([name, value]) => `-c ${name}=${value}`)
    .join(' ');
}
