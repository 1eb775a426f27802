import { and, eq, gt, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditChainHeads, auditEvents } from '../db/schema/index.ts';
import { runInTransaction } from '../db/transaction.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import { getTestApp, type TestApp } from '../test/test-app.ts';
import { clientFor, createWorld } from '../test/world.ts';
import { CliFailure } from './cli.args.ts';
import { verifyAudit } from './audit.command.ts';

/** `portico audit verify`, in process, on the suite's database: its output and whether it failed. */
async function verify(t: TestApp): Promise<{ lines: string[]; failed: boolean }> {
  const lines: string[] = [];
  try {
    await verifyAudit(t.database, (line) => lines.push(line));
    return { lines, failed: false };
  } catch (error) {
    if (!(error instanceof CliFailure)) throw error;
    return { lines, failed: true };
  }
}

/** A fresh organization's chain with `count` events; removed again at the end of each test. */
async function chainWith(t: TestApp, count: number): Promise<{ chain: string; remove: () => Promise<void> }> {
  const world = await createWorld(t);
  const chain = `org:${world.orgA}`;
  for (let i = 0; i < count; i++)
    await runInTransaction(t.db, (tx) =>
      recordAudit(tx, { actorUserId: null, organizationId: world.orgA, action: 'test.event', entityType: 'test', after: { i } }),
    );
  return {
    chain,
    remove: async () => {
      await t.db.delete(auditEvents).where(eq(auditEvents.chain, chain));
      await t.db.delete(auditChainHeads).where(eq(auditChainHeads.chain, chain));
    },
  };
}

async function headOf(t: TestApp, chain: string) {
  const [head] = await t.db.select().from(auditChainHeads).where(eq(auditChainHeads.chain, chain));
  return head;
}

describe('portico audit verify and the chain heads', () => {
  let t: TestApp;
  // The worker's database is migrated on first use: slow on a busy machine.
  beforeAll(async () => {
    t = await getTestApp();
  }, 300_000);

  it('moves the head with every append and prints it', async () => {
    const { chain, remove } = await chainWith(t, 5);
    try {
      const [last] = await t.db.select().from(auditEvents).where(eq(auditEvents.chain, chain)).orderBy(sql`seq desc`).limit(1);
      const head = await headOf(t, chain);
      expect(head).toMatchObject({ seq: last!.seq, hash: last!.hash });
      const run = await verify(t);
      expect(run.lines).toContain(`head of ${chain}: #${last!.seq} ${last!.hash}`);
      expect(run.lines.filter((l) => l.startsWith(`chain ${chain}:`))).toEqual([]);
    } finally {
      await remove();
    }
  });

  it('fails when the last 3 events are deleted, naming the missing ones', async () => {
    const { chain, remove } = await chainWith(t, 6);
    try {
      const total = (await headOf(t, chain))!.seq;
      await t.db.delete(auditEvents).where(and(eq(auditEvents.chain, chain), gt(auditEvents.seq, total - 3)));
      const run = await verify(t);
      expect(run.failed).toBe(true);
      expect(run.lines).toContain(
        `chain ${chain}: first broken link at event #${total - 2}: events ${total - 2} to ${total} are missing: the chain ends at ${total - 3}, its head at ${total}`,
      );
    } finally {
      await remove();
    }
  });

  it('fails when every event of a chain is deleted, and when an event is added past the head', async () => {
    const emptied = await chainWith(t, 2);
    const extended = await chainWith(t, 2);
    try {
      await t.db.delete(auditEvents).where(eq(auditEvents.chain, emptied.chain));
      // Past the head: a correctly chained event written by hand, without moving the head.
      await t.db.delete(auditChainHeads).where(eq(auditChainHeads.chain, extended.chain));
      await runInTransaction(t.db, (tx) =>
        recordAudit(tx, { actorUserId: null, organizationId: extended.chain.slice(4), action: 'test.sneaky', entityType: 'test' }),
      );
      await t.db.update(auditChainHeads).set({ seq: 2 }).where(eq(auditChainHeads.chain, extended.chain));
      await t.db.execute(
        sql`update audit_chain_heads set hash = (select hash from audit_events where chain = ${extended.chain} and seq = 2) where chain = ${extended.chain}`,
      );
      const run = await verify(t);
      expect(run.failed).toBe(true);
      expect(run.lines).toContain(
        `chain ${emptied.chain}: first broken link at event #1: events 1 to 2 are missing: the chain ends at 0, its head at 2`,
      );
      expect(run.lines).toContain(
        `chain ${extended.chain}: first broken link at event #3: event 3 and later lie past the chain's head (2): written outside Portico`,
      );
    } finally {
      await emptied.remove();
      await extended.remove();
    }
  });

  it('records the head of a chain written before heads were kept, on the first verify or append', async () => {
    const { chain, remove } = await chainWith(t, 3);
    try {
      await t.db.delete(auditChainHeads).where(eq(auditChainHeads.chain, chain));
      const run = await verify(t);
      const head = await headOf(t, chain);
      expect(head?.seq).toBe(3);
      expect(run.lines).toContain(`head of ${chain}: #3 ${head!.hash}`);
      expect(run.lines.some((l) => /no head yet .*recorded now/.test(l))).toBe(true);

      await t.db.delete(auditChainHeads).where(eq(auditChainHeads.chain, chain));
      await runInTransaction(t.db, (tx) =>
        recordAudit(tx, { actorUserId: null, organizationId: chain.slice(4), action: 'test.after', entityType: 'test' }),
      );
      expect((await headOf(t, chain))?.seq).toBe(4);
      expect((await verify(t)).lines.filter((l) => l.startsWith(`chain ${chain}:`))).toEqual([]);
    } finally {
      await remove();
    }
  });

  it("shows staff their organization's head and contractor members their contractor's, over the API", async () => {
    const world = await createWorld(t);
    await clientFor(t, world.aOwner).edit('/api/organizations/current', { name: `Org A ${world.suffix} again` });
    const staff = (await clientFor(t, world.aOwner).get('/api/audit-events/head')).json();
    const orgHead = await headOf(t, `org:${world.orgA}`);
    expect(staff.head).toEqual({ chain: `org:${world.orgA}`, seq: orgHead!.seq, hash: orgHead!.hash });
    const contractor = (await clientFor(t, world.xAdmin).get('/api/audit-events/head')).json();
    expect(contractor.head === null || contractor.head.chain === `contractor:${world.contractorX}`).toBe(true);
    expect(JSON.stringify(contractor)).not.toContain(orgHead!.hash);
    expect((await clientFor(t, world.xTech).get('/api/audit-events/head')).json()).toEqual({ head: null });
  });
});
