import { PGlite, parse, protocol } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARRAY_TYPES_SQL, isPlainAnswer, pgliteParsers, readResult } from './pglite.results.mjs';

/**
 * The main thread reads a prepared statement's rows from PostgreSQL's answer itself
 * (pglite.results.mjs), with PGlite's parsers made away from PGlite (pgliteParsers): for every
 * kind of value and answer, what it returns must be what PGlite's own reader returns for the same bytes.
 */
describe("reading a statement's rows from PostgreSQL's answer", () => {
  let db: PGlite;
  /** What the main thread reads with: PGlite's parsers rebuilt from the database's array types. */
  let mainParsers: ReturnType<typeof pgliteParsers>;
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
    const arrays = await db.query<[number, number]>(ARRAY_TYPES_SQL, [], { rowMode: 'array' });
    mainParsers = pgliteParsers(arrays.rows);
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
    [
      'an answer over 64 KiB (decoded value by value)',
      "select repeat('ab', 40000) as long, 'é' || repeat('c', 40000) as wide, id, name from kinds",
      [],
    ],
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
        const parsers = options?.parsers ? { ...mainParsers, ...options.parsers } : mainParsers;
        expect(isPlainAnswer(bytes)).toBe(true);
        expect(readResult(bytes, parsers, options?.rowMode)).toEqual(readByPglite(bytes, options));
      }
    });

  it('leaves an error and a notification to PGlite (the answer is not plain): it reads neither', async () => {
    const failed = await answer('select 1 / $1::int', ['0']); // division by zero
    expect([isPlainAnswer(failed), readResult(failed, mainParsers, undefined)]).toEqual([false, null]);
    const unheard = await answer("select pg_notify('somewhere', 'hello')");
    expect(isPlainAnswer(unheard)).toBe(true);
    expect(readResult(unheard, mainParsers, undefined)).not.toBeNull();
    await db.exec('listen somewhere');
    const heard = await answer("select pg_notify('somewhere', 'hello')");
    expect([isPlainAnswer(heard), readResult(heard, mainParsers, undefined)]).toEqual([false, null]);
  });
});
