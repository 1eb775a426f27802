import { PGlite, parse, protocol } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readResult } from './pglite.results.mjs';

/**
 * The PGlite thread reads a prepared statement's rows from PostgreSQL's answer itself
 * (pglite.results.mjs): for every kind of value and answer, what it returns must be what PGlite's
 * own reader returns for the same bytes.
 */
describe("reading a statement's rows from PostgreSQL's answer", () => {
  let db: PGlite;
  let n = 0;
  const { serialize } = protocol;

  /** The answer's bytes to a parse, bind, describe, execute, sync of `sql` with `values`. */
  async function answer(sql: string, values: Array<string | null> = []): Promise<Uint8Array> {
    const name = `s${++n}`;
    await db.execProtocol(serialize.parse({ name, text: sql }));
    const chunks: Uint8Array[] = [];
    const exchange = [
      serialize.bind({ statement: name, values }),
      serialize.describe({ type: 'P' }),
      serialize.execute({}),
      serialize.sync(),
    ];
    await db.execProtocolRawStream(Buffer.concat(exchange), { onRawData: (chunk: Uint8Array) => chunks.push(chunk.slice()) });
    return Buffer.concat(chunks);
  }

  function readByPglite(bytes: Uint8Array, options?: { rowMode?: 'array' | 'object'; parsers?: Record<number, (v: string) => unknown> }) {
    const messages: Parameters<typeof parse.parseResults>[0] = [];
    new protocol.Parser().parse(bytes, (m) => messages.push(m));
    return parse.parseResults(messages, db.parsers, options)[0];
  }

  beforeAll(async () => {
    db = new PGlite();
    await db.exec(`create table kinds (
      id int primary key, name text, big bigint, amount numeric, ok boolean, day date, at timestamptz,
      doc jsonb, tags text[], data bytea, ratio double precision)`);
    await db.exec(`insert into kinds values
      (1, 'plain', 9007199254740993, 12.50, true, '2026-12-01', '2026-12-01T10:00:00.123456Z', '{"a": [1, "é"]}', '{a,"b c",NULL}', '\\x00ff', 0.25),
      (2, 'ünïcödé 🚀 "quoted" \\ back', -1, null, false, null, null, 'null', '{}', '', null),
      (3, '', 0, 0, null, 'infinity', '-infinity', '[]', null, null, 'NaN')`);
  });
  afterAll(async () => {
    await db.close();
  });

  const cases: Array<[string, string, Array<string | null>]> = [
    ['every kind of value, many rows', 'select * from kinds order by id', []],
    ['a parameter, one row', 'select id, name, tags from kinds where id = $1', ['2']],
    ['no rows', 'select id, name from kinds where id = $1', ['99']],
    ['two columns of one name (the last wins)', 'select 1 as x, 2 as x', []],
    ['an insert returning its row', "insert into kinds (id, name) values ($1, 'new') returning id, name", ['4']],
    ['an update counting its rows', "update kinds set name = name || '!' where id > $1", ['1']],
    ['a delete without rows back', 'delete from kinds where id = $1', ['4']],
  ];
  for (const [what, sql, values] of cases)
    it(`matches PGlite's reader: ${what}`, async () => {
      const bytes = await answer(sql, values);
      for (const options of [
        undefined,
        { rowMode: 'array' as const },
        { rowMode: 'object' as const, parsers: { 1184: (v: string) => v } },
      ]) {
        const parsers = options?.parsers ? { ...db.parsers, ...options.parsers } : db.parsers;
        expect(readResult(bytes, parsers, options?.rowMode)).toEqual(readByPglite(bytes, options));
      }
    });

  it('leaves an error and a notification to PGlite: it reads neither', async () => {
    expect(readResult(await answer('select 1 / $1::int', ['0']), db.parsers, undefined)).toBeNull(); // division by zero
    expect(readResult(await answer("select pg_notify('somewhere', 'hello')"), db.parsers, undefined)).not.toBeNull();
    await db.exec('listen somewhere');
    expect(readResult(await answer("select pg_notify('somewhere', 'hello')"), db.parsers, undefined)).toBeNull();
  });
});
