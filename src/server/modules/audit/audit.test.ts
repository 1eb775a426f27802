import { and, asc, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditChainHeads, auditEvents } from '../../db/schema/index.ts';
import { runInTransaction } from '../../db/transaction.ts';
import { raceTitle } from '../../test/race.ts';
import { getTestApp, type TestApp } from '../../test/test-app.ts';
import { clientFor, createWorld, type World } from '../../test/world.ts';
import { canonicalize } from '../../audit/audit.chain.ts';
import { recordAudit } from '../../audit/audit.writer.ts';
import { verifyAuditChains } from './audit.verify.ts';

describe('audit trail', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await getTestApp();
    w = await createWorld(t);
  });

  it('canonicalizes objects whatever the key order', () => {
    expect(canonicalize({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      canonicalize({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }),
    );
  });

  it(raceTitle('chains events per organization without gaps, even when written concurrently'), async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        runInTransaction(t.db, (tx) =>
          recordAudit(tx, {
            actorUserId: w.aOwner.userId,
            organizationId: w.orgA,
            action: 'test.concurrent',
            entityType: 'test',
            entityId: String(i),
          }),
        ),
      ),
    );
    const rows = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.chain, `org:${w.orgA}`))
      .orderBy(asc(auditEvents.seq));
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    const report = await verifyAuditChains(t.db);
    expect(report.broken.filter((b) => b.chain === `org:${w.orgA}`)).toEqual([]);
  });

  it('names the first broken link when an event is changed after the fact', async () => {
    const world = await createWorld(t);
    for (let i = 0; i < 3; i++)
      await runInTransaction(t.db, (tx) =>
        recordAudit(tx, { actorUserId: null, organizationId: world.orgA, action: 'test.event', entityType: 'test', after: { i } }),
      );
    await t.db.execute(sql`update audit_events set after = '{"i": 99}'::jsonb where chain = ${`org:${world.orgA}`} and seq = 2`);
    const report = await verifyAuditChains(t.db);
    expect(report.broken).toContainEqual({ chain: `org:${world.orgA}`, seq: 2, reason: 'its content was changed after it was written' });
    await t.db.execute(sql`delete from audit_events where chain = ${`org:${world.orgA}`}`);
    await t.db.delete(auditChainHeads).where(eq(auditChainHeads.chain, `org:${world.orgA}`));
  });

  it('shows each side the events about its own records, and nothing else', async () => {
    await clientFor(t, w.aOwner).edit('/api/organizations/current', { name: `Org A ${w.suffix} renamed` });
    const staff = await clientFor(t, w.aOwner).get('/api/audit-events?limit=200');
    expect(staff.json().items.map((e: { action: string }) => e.action)).toContain('organization.updated');
    const contractor = await clientFor(t, w.xAdmin).get('/api/audit-events?limit=200');
    expect(contractor.json().items.map((e: { action: string }) => e.action)).not.toContain('organization.updated');
    const other = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, w.orgA), eq(auditEvents.action, 'organization.updated')));
    expect(contractor.body).not.toContain(other[0]!.id);
    expect((await clientFor(t, w.xTech).get('/api/audit-events')).json().items).toEqual([]);
  });
});
