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
 */
const PLANNER_SETTINGS = { random_page_cost: '1.1' };

/** One SET statement per setting, for a session that is already open (PGlite's), with the session's own settings after them. */
export function plannerSetStatement(own = {}) {
  return Object.entries({ ...PLANNER_SETTINGS, ...own })
    .map(([name, value]) => `set ${name} = ${value};`)
    .join(' ');
}

/** The settings as PostgreSQL's startup `options` (`-c name=value …`), for a connection being opened. */
export function plannerStartupOptions() {
  return Object.entries(PLANNER_SETTINGS)
    .map(([name, value]) => `-c ${name}=${value}`)
    .join(' ');
}
