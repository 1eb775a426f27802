import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PgliteProxy } from './pglite.proxy.ts';

describe('the PGlite thread', () => {
  afterEach(() => vi.restoreAllMocks());

  it('ends by itself when the database closes: it is not terminated while PGlite may still be busy', async () => {
    const terminate = vi.spyOn(Worker.prototype, 'terminate');
    const exited = vi.fn();
    const listening = vi.spyOn(Worker.prototype, 'on'); // the proxy listens to its worker first thing
    const db = new PgliteProxy(undefined);
    const worker = listening.mock.contexts[0] as Worker;
    worker.once('exit', exited);
    await db.waitReady;
    expect((await db.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
    await db.close();
    expect(exited).toHaveBeenCalledWith(0);
    expect(terminate).not.toHaveBeenCalled();
    await expect(db.query('select 1')).rejects.toThrow('the database is closed');
  });

  it('plans for data in memory (random_page_cost 1.1) and once per prepared statement (generic plans), SET at the start, for every statement, also after a rollback', async () => {
    const db = new PgliteProxy(undefined);
    await db.waitReady;
    try {
      expect((await db.query('show random_page_cost')).rows).toEqual([{ random_page_cost: '1.1' }]);
      expect((await db.query('show plan_cache_mode')).rows).toEqual([{ plan_cache_mode: 'force_generic_plan' }]);
      await db.exec('begin; create table gone (id int); rollback;');
      expect((await db.query('select current_setting($1) as cost', ['random_page_cost'])).rows).toEqual([{ cost: '1.1' }]);
      expect((await db.query('select current_setting($1) as mode', ['plan_cache_mode'])).rows).toEqual([{ mode: 'force_generic_plan' }]);
    } finally {
      await db.close();
    }
  });
});
