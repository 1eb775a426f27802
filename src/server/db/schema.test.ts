import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getTestApp, type TestApp } from '../test/test-app.ts';
import { refreshStatistics } from './maintenance.ts';

describe('database schema', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await getTestApp();
  });

  it('indexes every foreign key (an index whose leading columns are the key)', async () => {
    const result = await t.db.execute(sql`
      select c.conrelid::regclass::text as "table", c.conname as "constraint"
      from pg_constraint c
      where c.contype = 'f' and c.connamespace = 'public'::regnamespace
        and not exists (
          select 1 from pg_index i
          where i.indrelid = c.conrelid
            and (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(c.conkey)] @> c.conkey
            and (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(c.conkey)] <@ c.conkey)`);
    expect((result as unknown as { rows: unknown[] }).rows).toEqual([]);
  });

  it('refreshes planner statistics on PGlite (no autovacuum there)', async () => {
    await refreshStatistics(t.database);
    if (t.database.kind !== 'pglite') return;
    const result = await t.db.execute(sql`select reltuples from pg_class where relname = 'organizations'`);
    expect(Number((result as unknown as { rows: Array<{ reltuples: number }> }).rows[0]?.reltuples)).toBeGreaterThanOrEqual(0);
  });

  it('gives every tenant table an organization_id or contractor_id column', async () => {
    const result = await t.db.execute(sql`
      select table_name from information_schema.tables t
      where table_schema = 'public' and table_type = 'BASE TABLE'
        and table_name not in ('users', 'sessions', 'accounts', 'verifications', 'two_factors', 'rate_limits', 'emails', 'organizations', 'contractors', 'session_invalidations', 'idempotency_keys', 'notification_settings')
        and not exists (
          select 1 from information_schema.columns c
          where c.table_schema = 'public' and c.table_name = t.table_name
            and c.column_name in ('organization_id', 'contractor_id'))`);
    expect((result as unknown as { rows: unknown[] }).rows).toEqual([]);
  });
});
