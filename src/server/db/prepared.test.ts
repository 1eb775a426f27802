import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import { pgTable, text } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor.ts';
import { byParties } from '../access/scopes.ts';
import { getTestApp, type TestApp } from '../test/test-app.ts';
import type { Executor } from './client.ts';
import { preparedRead } from './prepared.ts';

/** A table of its own, with the parties every tenant table carries. */
const things = pgTable('prepared_read_things', {
  id: text('id').primaryKey(),
  organizationId: text('organization_id').notNull(),
  contractorId: text('contractor_id').notNull(),
  name: text('name').notNull(),
  tag: text('tag'),
});

const ownerOf = (organizationId: string): Actor => ({ kind: 'staff', userId: `u-${organizationId}`, organizationId, role: 'owner' });
const memberOf = (contractorId: string): Actor => ({ kind: 'contractor', userId: `u-${contractorId}`, contractorId, role: 'admin' });

describe('preparedRead', () => {
  let t: TestApp;
  let builds: string[];
  const readThings = preparedRead((db: Executor, actor: Actor, v: { name?: string; tagged?: boolean; limit: number }) => {
    builds.push(`${actor.kind}${v.name ? ' name' : ''}${v.tagged ? ' tagged' : ''}`);
    return db
      .select({ id: things.id })
      .from(things)
      .where(and(byParties(actor, things), v.name ? eq(things.name, v.name) : undefined, v.tagged ? isNotNull(things.tag) : undefined))
      .orderBy(asc(things.id))
      .limit(v.limit);
  });
  const ids = async (db: Executor, actor: Actor, v: { name?: string; tagged?: boolean; limit: number }) =>
    (await readThings(db, actor, v)).map((r) => r.id);

  beforeAll(async () => {
    t = await getTestApp();
    await t.db.execute(sql`drop table if exists prepared_read_things`);
    await t.db.execute(
      sql`create table prepared_read_things (id text primary key, organization_id text not null, contractor_id text not null, name text not null, tag text)`,
    );
    await t.db.insert(things).values([
      { id: 'a1', organizationId: 'org-a', contractorId: 'c-1', name: 'pump', tag: 'x' },
      { id: 'a2', organizationId: 'org-a', contractorId: 'c-2', name: 'valve', tag: null },
      { id: 'b1', organizationId: 'org-b', contractorId: 'c-1', name: 'pump', tag: null },
    ]);
  });

  afterAll(async () => {
    await t.db.execute(sql`drop table prepared_read_things`);
  });

  it('builds a shape once and runs it with each actor’s own ids: nobody reads another’s rows', async () => {
    builds = [];
    expect(await ids(t.db, ownerOf('org-a'), { limit: 10 })).toEqual(['a1', 'a2']);
    expect(await ids(t.db, ownerOf('org-b'), { limit: 10 })).toEqual(['b1']);
    expect(await ids(t.db, ownerOf('org-none'), { limit: 10 })).toEqual([]);
    expect(await ids(t.db, memberOf('c-1'), { limit: 10 })).toEqual(['a1', 'b1']);
    expect(await ids(t.db, memberOf('c-2'), { limit: 10 })).toEqual(['a2']);
    expect(await ids(t.db, ownerOf('org-a'), { limit: 1 })).toEqual(['a1']);
    // One statement for staff, one for contractor members, whatever their ids and the limit.
    expect(builds).toEqual(['staff', 'contractor']);
  });

  it('a value given or not, and each switch, is a shape of its own', async () => {
    builds = [];
    expect(await ids(t.db, ownerOf('org-a'), { name: 'pump', limit: 10 })).toEqual(['a1']);
    expect(await ids(t.db, ownerOf('org-a'), { name: 'valve', limit: 10 })).toEqual(['a2']);
    expect(await ids(t.db, ownerOf('org-a'), { name: undefined, limit: 10 })).toEqual(['a1', 'a2']);
    expect(await ids(t.db, ownerOf('org-a'), { tagged: true, limit: 10 })).toEqual(['a1']);
    expect(await ids(t.db, ownerOf('org-a'), { tagged: false, limit: 10 })).toEqual(['a1', 'a2']);
    expect(await ids(t.db, ownerOf('org-b'), { name: 'pump', tagged: true, limit: 10 })).toEqual([]);
    expect(builds).toEqual(['staff name', 'staff tagged', 'staff', 'staff name tagged']);
  });

  it('reads in a transaction see its writes; the database’s statement is not the transaction’s', async () => {
    await t.db
      .transaction(async (tx) => {
        await tx.insert(things).values({ id: 'a3', organizationId: 'org-a', contractorId: 'c-3', name: 'hose' });
        expect(await ids(tx, ownerOf('org-a'), { limit: 10 })).toEqual(['a1', 'a2', 'a3']);
        throw new Error('roll back');
      })
      .catch((error: Error) => expect(error.message).toBe('roll back'));
    expect(await ids(t.db, ownerOf('org-a'), { limit: 10 })).toEqual(['a1', 'a2']);
  });

  it('on PostgreSQL, is one named statement per connection, prepared once and planned once (a generic plan)', async () => {
    if (t.database.kind !== 'postgres') return;
    type PreparedStatement = { name: string; generic: string; custom: string; setting: string };
    const preparedHere = async (tx: Executor) =>
      (await tx.execute(
        sql`select name, generic_plans::text as generic, custom_plans::text as custom, current_setting('plan_cache_mode') as setting
            from pg_prepared_statements where statement like '%prepared_read_things%' and name like 'portico_read_%'`,
      )) as unknown as { rows: PreparedStatement[] };
    await t.db.transaction(async (tx) => {
      // One connection: the first run may prepare it there, the next ones only bind and execute it.
      for (let run = 0; run < 3; run++) expect(await ids(tx, ownerOf('org-a'), { name: 'pump', limit: 10 })).toEqual(['a1']);
      expect(await ids(tx, ownerOf('org-b'), { name: 'pump', limit: 10 })).toEqual(['b1']);
      const { rows } = await preparedHere(tx);
      const statement = rows.find((r) => Number(r.generic) >= 4);
      expect(statement, JSON.stringify(rows)).toBeDefined();
      expect(statement?.custom).toBe('0');
      expect(statement?.setting).toBe('force_generic_plan');
    });
    // Built again in another transaction, the same text is the same statement on the connection.
    await t.db.transaction(async (tx) => {
      await ids(tx, ownerOf('org-a'), { name: 'pump', limit: 10 });
      const { rows } = await preparedHere(tx);
      expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
    });
  });

  it('keeps at most 64 shapes per read: the first built is built again when asked after', async () => {
    let built = 0;
    const readSwitched = preparedRead((db: Executor, actor: Actor, v: Record<string, boolean>) => {
      built++;
      const on = Object.values(v).filter(Boolean).length;
      return db
        .select({ id: things.id, on: sql<number>`${on}::int` })
        .from(things)
        .where(byParties(actor, things))
        .orderBy(asc(things.id));
    });
    const shape = (n: number) => Object.fromEntries(Array.from({ length: 7 }, (_, bit) => [`s${bit}`, (n & (1 << bit)) !== 0]));
    for (let n = 0; n < 65; n++) expect((await readSwitched(t.db, ownerOf('org-b'), shape(n))).map((r) => r.id)).toEqual(['b1']);
    expect(built).toBe(65);
    await readSwitched(t.db, ownerOf('org-b'), shape(64));
    expect(built).toBe(65);
    const again = await readSwitched(t.db, ownerOf('org-a'), shape(0));
    expect(built).toBe(66);
    expect(again).toEqual([
      { id: 'a1', on: 0 },
      { id: 'a2', on: 0 },
    ]);
  });
});
