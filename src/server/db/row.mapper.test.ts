import { asc, eq, sql } from 'drizzle-orm';
import { bigint, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTestApp, type TestApp } from '../test/test-app.ts';
import { withCompiledRowMapper } from './row.mapper.ts';

const parents = pgTable('row_mapper_parents', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  amountMinor: bigint('amount_minor', { mode: 'number' }),
  meta: jsonb('meta').$type<{ tags: string[] }>(),
});
const children = pgTable('row_mapper_children', {
  id: text('id').primaryKey(),
  parentId: text('parent_id').notNull(),
  label: text('label'),
  at: timestamp('at', { withTimezone: true, mode: 'string' }),
});

describe('the compiled row mapper', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await getTestApp();
    await t.db.execute(sql`drop table if exists row_mapper_children`);
    await t.db.execute(sql`drop table if exists row_mapper_parents`);
    await t.db.execute(sql`create table row_mapper_parents (id text primary key, name text not null, created_at timestamptz not null,
      amount_minor bigint, meta jsonb)`);
    await t.db.execute(sql`create table row_mapper_children (id text primary key, parent_id text not null, label text, at timestamptz)`);
    await t.db.insert(parents).values([
      { id: 'p1', name: 'with a child', createdAt: new Date('2026-12-01T10:00:00Z'), amountMinor: 150_000, meta: { tags: ['a'] } },
      { id: 'p2', name: 'alone', createdAt: new Date('2026-12-02T10:00:00Z'), amountMinor: null, meta: null },
    ]);
    // The first column of p1's child is not null, a later one is: the object stays.
    await t.db.insert(children).values([{ id: 'c1', parentId: 'p1', label: null, at: '2026-12-03T10:00:00Z' }]);
  });

  afterAll(async () => {
    await t.db.execute(sql`drop table row_mapper_children`);
    await t.db.execute(sql`drop table row_mapper_parents`);
  });

  it('gives the rows Drizzle’s own mapping gives: nested objects, a join found and not found, decoded values, sql fields, in the same key order', async () => {
    const query = t.db
      .select({
        parent: parents,
        child: children,
        childCount: sql`(select count(*) from row_mapper_children c where c.parent_id = ${parents.id})`.mapWith(Number),
        upperName: sql<string>`upper(${parents.name})`,
        label: children.label,
        lastAt: sql<string>`(select max(at) from row_mapper_children)`.as('last_at'),
      })
      .from(parents)
      .leftJoin(children, eq(children.parentId, parents.id))
      .orderBy(asc(parents.id));
    const prepared = query.prepare('');
    const byDrizzle = await prepared.execute();
    withCompiledRowMapper(prepared);
    expect((prepared as unknown as { customResultMapper?: unknown }).customResultMapper).toBeTypeOf('function');
    const compiled = await prepared.execute();

    expect(compiled).toEqual(byDrizzle);
    expect(JSON.stringify(compiled)).toBe(JSON.stringify(byDrizzle));
    // What both give, spelled out: the decoders ran and the missing join is null.
    expect(compiled[0]!.parent.createdAt).toBeInstanceOf(Date);
    expect(compiled[0]!.parent.meta).toEqual({ tags: ['a'] });
    expect(compiled[0]!.child).toMatchObject({ id: 'c1', label: null });
    expect(compiled[0]!.childCount).toBe(1);
    expect(compiled[1]!.child).toBeNull();
    expect(compiled[1]!.parent.amountMinor).toBeNull();
  });

  it('maps an inner join and a select of single columns the same way too', async () => {
    const query = t.db
      .select({ id: parents.id, amountMinor: parents.amountMinor, child: { id: children.id, at: children.at } })
      .from(parents)
      .innerJoin(children, eq(children.parentId, parents.id));
    const prepared = query.prepare('');
    const byDrizzle = await prepared.execute();
    const compiled = await withCompiledRowMapper(prepared).execute();
    expect(JSON.stringify(compiled)).toBe(JSON.stringify(byDrizzle));
    expect(compiled).toEqual([{ id: 'p1', amountMinor: 150_000, child: { id: 'c1', at: expect.any(String) } }]);
  });
});
