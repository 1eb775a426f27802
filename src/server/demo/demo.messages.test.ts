import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engagements, internalNotes, messages } from '../db/schema/index.ts';
import { createOwnTestApp, type OwnTestApp } from '../test/own-database.ts';
import { seedDemo } from './demo.seed.ts';

describe('demo data: messages', () => {
  let t: OwnTestApp;
  beforeAll(async () => {
    t = await createOwnTestApp({ fresh: true });
    await seedDemo(t.db);
  });
  afterAll(async () => t?.dispose());

  it('gives every active engagement a thread with history from both sides, and one engagement an internal note', async () => {
    const active = await t.db.select({ id: engagements.id }).from(engagements).where(eq(engagements.status, 'active'));
    expect(active.length).toBeGreaterThan(0);
    for (const { id } of active) {
      const sides = await t.db
        .select({ side: messages.side, n: sql<number>`count(*)::int` })
        .from(messages)
        .where(eq(messages.threadId, id))
        .groupBy(messages.side);
      expect(sides.map((s) => s.side).sort()).toEqual(['company', 'contractor']);
    }
    expect(await t.db.select().from(internalNotes)).toHaveLength(1);
  });
});
