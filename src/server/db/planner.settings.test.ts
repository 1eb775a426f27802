import { describe, expect, it } from 'vitest';
import { getTestApp } from '../test/test-app.ts';

describe('planner settings', () => {
  it('hold on every session of the database the suite runs on (each PostgreSQL pool connection, PGlite’s one)', async () => {
    const t = await getTestApp();
    // Side by side, so that on PostgreSQL they take several of the pool's connections.
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        t.database.raw.executeSql(
          "select current_setting('random_page_cost') as cost, current_setting('plan_cache_mode') as plans, pg_backend_pid() as pid from pg_sleep(0.05)",
          [],
        ),
      ),
    );
    const rows = answers.map((a) => a.rows[0] as { cost: string; plans: string; pid: number });
    expect(rows.map((r) => r.cost)).toEqual(Array(6).fill('1.1'));
    expect(rows.map((r) => r.plans)).toEqual(Array(6).fill('force_generic_plan'));
    if (t.database.kind === 'postgres') expect(new Set(rows.map((r) => r.pid)).size).toBeGreaterThan(1);
  });
});
