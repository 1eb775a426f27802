import type { Database } from './client.ts';

/**
 * PGlite runs no autovacuum: without fresh statistics the planner guesses, and a milestone list
 * of 5,000 rows costs 2.5x what it costs with them (npm run bench). Portico refreshes them at
 * start and every hour. PostgreSQL's own autovacuum does this there.
 */
export async function refreshStatistics(database: Database): Promise<void> {
  if (database.kind !== 'pglite') return;
  await database.raw.executeSql('vacuum analyze', []);
}
