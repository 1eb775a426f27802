import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgliteProxy } from './pglite.proxy.ts';

/**
 * The PGlite worker keeps DML statements as named prepared statements (at most 200, least
 * recently used out): what a statement returns, and how it fails, is what PGlite's own query does.
 */
describe('prepared statements on the PGlite thread', () => {
  let db: PgliteProxy;
  beforeAll(async () => {
    db = new PgliteProxy(undefined);
    await db.waitReady;
    await db.exec('create table things (id int primary key, name text not null, at timestamptz, tags text[])');
  });
  afterAll(async () => {
    await db.close();
  });

  it('answers the same statement with new parameters each time, rows and types as PGlite gives them', async () => {
    await db.query('insert into things (id, name, at, tags) values ($1, $2, $3, $4)', [1, 'one', '2026-12-01T10:00:00Z', ['a', 'b']]);
    await db.query('insert into things (id, name, at, tags) values ($1, $2, $3, $4)', [2, "it's two", null, []]);
    const select = 'select id, name, at, tags from things where id = $1';
    const one = await db.query(select, [1]);
    const two = await db.query(select, [2]);
    expect(one.rows).toEqual([{ id: 1, name: 'one', at: new Date('2026-12-01T10:00:00Z'), tags: ['a', 'b'] }]);
    expect(two.rows).toEqual([{ id: 2, name: "it's two", at: null, tags: [] }]);
    expect(one.fields.map((f) => f.name)).toEqual(['id', 'name', 'at', 'tags']);
    const arrays = await db.query(select, [1], { rowMode: 'array', parsers: { 1184: (v: string) => v } });
    expect(arrays.rows).toEqual([[1, 'one', expect.stringMatching(/^2026-12-01 10:00:00/), ['a', 'b']]]);
    const updated = await db.query('update things set name = $1 where id = $2', ['uno', 1]);
    expect(updated.affectedRows).toBe(1);
  });

  it('fails like PGlite: the code and constraint of the violation, and the connection usable after', async () => {
    const insert = 'insert into things (id, name) values ($1, $2)';
    const error = await db.query(insert, [1, 'again']).then(
      () => null,
      (e: Record<string, unknown>) => e,
    );
    expect(error).toMatchObject({ code: '23505', constraint: 'things_pkey' });
    await expect(db.query(insert, [3, 'three'])).resolves.toMatchObject({ affectedRows: 1 });
    const error2 = await db.query('select nope from things where id = $1', [1]).then(
      () => null,
      (e: Record<string, unknown>) => e,
    );
    expect(error2).toMatchObject({ code: '42703' });
  });

  it('rolls back with the transaction, and a statement prepared inside one outlives it', async () => {
    const select = 'select count(*)::int as n from things where id >= $1';
    await db
      .transaction(async (tx) => {
        await tx.query('insert into things (id, name) values ($1, $2)', [10, 'ten']);
        expect((await tx.query(select, [10])).rows).toEqual([{ n: 1 }]);
        throw new Error('undo');
      })
      .catch(() => undefined);
    expect((await db.query(select, [10])).rows).toEqual([{ n: 0 }]);
  });

  it('keeps answering right past the 200 statements it keeps (the oldest are closed)', async () => {
    for (let i = 0; i < 260; i++) {
      const { rows } = await db.query(`select $1::int + ${i} as n`, [1]);
      expect(rows).toEqual([{ n: 1 + i }]);
    }
    const { rows } = await db.query('select $1::int + 0 as n', [5]);
    expect(rows).toEqual([{ n: 5 }]);
  });
});
