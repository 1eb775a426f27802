import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  contractors,
  contracts,
  engagements,
  invitations,
  invoices,
  milestones,
  notifications,
  organizations,
  payments,
  staffMembers,
  users,
} from '../db/schema/index.ts';
import { createId } from '../lib/ids.ts';
import { encodeCursor } from '../lib/pagination.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import { submitFreeInvoice } from './invoicing.ts';
import { getTestApp, type TestApp } from './test-app.ts';
import { createActiveContract, createMilestone } from './work.ts';
import { createDraft } from './payments.fixtures.ts';
import { type Client, clientFor, createWorld, type Persona, type World } from './world.ts';

/**
 * Every list pages with a keyset cursor: walking all pages with a small limit returns every row
 * exactly once, in the list's order; a limit above the maximum and a forged cursor are 400s.
 */
const rows = 7;
/** One timestamp shared by several rows, so the id tiebreaker is exercised. */
const tie = new Date('2026-03-04T05:06:07.123Z');

async function walk(client: Client, url: string, limit: number): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const sep = url.includes('?') ? '&' : '?';
    const res = await client.get(`${url}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { items: Array<{ id: string }>; nextCursor: string | null };
    expect(body.items.length).toBeLessThanOrEqual(limit);
    seen.push(...body.items.map((item) => item.id));
    cursor = body.nextCursor;
    if (!cursor) return seen;
  }
  throw new Error(`${url} did not end after 100 pages`);
}

async function idsInOrder(
  t: TestApp,
  table: PgTable,
  columns: PgColumn[],
  direction: 'asc' | 'desc',
  where: SQL | undefined,
): Promise<string[]> {
  const id = (table as unknown as { id: PgColumn }).id;
  const found = await t.db
    .select({ id })
    .from(table)
    .where(where)
    .orderBy(...columns.map((c) => (direction === 'asc' ? asc(c) : desc(c))));
  return found.map((r) => r.id as string);
}

async function expectPagedExactly(client: Client, url: string, expected: string[]): Promise<void> {
  expect(expected.length).toBeGreaterThan(3);
  const seen = await walk(client, url, 2);
  expect(seen).toEqual(expected);
  expect(new Set(seen).size).toBe(seen.length);
  const tooMany = await client.get(`${url}${url.includes('?') ? '&' : '?'}limit=201`);
  expect(tooMany.statusCode).toBe(400);
  expect(tooMany.json().details.fieldErrors[0].path).toBe('querystring.limit');
  const forged = await client.get(`${url}${url.includes('?') ? '&' : '?'}cursor=${encodeCursor(['not a time', 'x'])}`);
  expect(forged.statusCode).toBe(400);
  expect((await client.get(`${url}${url.includes('?') ? '&' : '?'}cursor=garbage`)).statusCode).toBe(400);
}

async function addUsers(t: TestApp, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => createId());
  const s = randomBytes(4).toString('hex');
  await t.db
    .insert(users)
    .values(ids.map((id, i) => ({ id, name: `Paged ${i} ${s}`, email: `paged-${i}-${s}@example.test`, emailVerified: true })));
  return ids;
}

describe('every list pages with a keyset cursor', () => {
  let t: TestApp;
  let w: World;
  let staff: Client;
  let contractor: Client;
  beforeAll(async () => {
    t = await getTestApp();
    w = await createWorld(t);
    staff = clientFor(t, w.aOwner);
    contractor = clientFor(t, w.xAdmin);
  });

  it('engagements, for staff and for the contractor', async () => {
    const more = Array.from({ length: rows }, () => ({ org: createId(), contractor: createId() }));
    await t.db.insert(contractors).values(more.map((m, i) => ({ id: m.contractor, name: `Paged contractor ${i}` })));
    await t.db.insert(organizations).values(more.map((m, i) => ({ id: m.org, name: `Paged org ${i}` })));
    await t.db.insert(engagements).values([
      ...more.map((m, i) => ({
        id: createId(),
        organizationId: w.orgA,
        contractorId: m.contractor,
        status: 'active' as const,
        createdAt: i < 4 ? tie : undefined,
      })),
      ...more.map((m, i) => ({
        id: createId(),
        organizationId: m.org,
        contractorId: w.contractorX,
        status: 'active' as const,
        createdAt: i < 4 ? tie : undefined,
      })),
    ]);
    const order = [engagements.createdAt, engagements.id];
    await expectPagedExactly(
      staff,
      '/api/engagements',
      await idsInOrder(t, engagements, order, 'desc', eq(engagements.organizationId, w.orgA)),
    );
    await expectPagedExactly(
      contractor,
      '/api/engagements',
      await idsInOrder(t, engagements, order, 'desc', eq(engagements.contractorId, w.contractorX)),
    );
  });

  it('invitations', async () => {
    await t.db.insert(invitations).values(
      Array.from({ length: rows }, (_, i) => ({
        id: createId(),
        kind: 'staff' as const,
        organizationId: w.orgA,
        email: `invited-${i}-${w.suffix}@example.test`,
        name: `Invited ${i}`,
        role: 'viewer',
        tokenHash: randomBytes(16).toString('hex'),
        invitedByUserId: w.aOwner.userId,
        expiresAt: new Date(Date.now() + 86_400_000),
        createdAt: i < 3 ? tie : undefined,
      })),
    );
    const expected = await idsInOrder(
      t,
      invitations,
      [invitations.createdAt, invitations.id],
      'desc',
      and(eq(invitations.organizationId, w.orgA), inArray(invitations.kind, ['staff', 'contractor'])),
    );
    await expectPagedExactly(staff, '/api/invitations', expected);
  });

  it('staff, in the order they joined', async () => {
    const people = await addUsers(t, rows);
    await t.db.insert(staffMembers).values(
      people.map((userId, i) => ({
        id: createId(),
        organizationId: w.orgA,
        userId,
        role: 'viewer' as const,
        createdAt: i < 4 ? tie : undefined,
      })),
    );
    const expected = await idsInOrder(
      t,
      staffMembers,
      [staffMembers.createdAt, staffMembers.id],
      'asc',
      eq(staffMembers.organizationId, w.orgA),
    );
    await expectPagedExactly(staff, '/api/staff', expected);
  });

  it('notifications, all and unread only, with the unread count beside them', async () => {
    await t.db.insert(notifications).values(
      Array.from({ length: rows }, (_, i) => ({
        id: createId(),
        userId: w.aOwner.userId,
        organizationId: w.orgA,
        type: 'test.paged',
        title: `Paged ${i}`,
        body: 'A notification to page through.',
        readAt: i % 3 === 0 ? new Date() : null,
        createdAt: i < 4 ? tie : undefined,
      })),
    );
    const order = [notifications.createdAt, notifications.id];
    const mine = eq(notifications.userId, w.aOwner.userId);
    await expectPagedExactly(staff, '/api/notifications', await idsInOrder(t, notifications, order, 'desc', mine));
    const unreadOnly = await idsInOrder(t, notifications, order, 'desc', and(mine, isNull(notifications.readAt)));
    await expectPagedExactly(staff, '/api/notifications?unread=true', unreadOnly);
    expect((await staff.get('/api/notifications?limit=1')).json().unread).toBe(unreadOnly.length);
  });

  it('audit events, for staff and for the contractor', async () => {
    for (let i = 0; i < rows; i++) {
      await recordAudit(t.db, {
        actorUserId: w.aOwner.userId,
        organizationId: w.orgA,
        action: 'test.paged',
        entityType: 'test',
        entityId: `${i}`,
      });
      await recordAudit(t.db, {
        actorUserId: w.xAdmin.userId,
        contractorId: w.contractorX,
        action: 'test.paged',
        entityType: 'test',
        entityId: `${i}`,
      });
    }
    const order = [auditEvents.createdAt, auditEvents.id];
    await expectPagedExactly(
      staff,
      '/api/audit-events',
      await idsInOrder(t, auditEvents, order, 'desc', eq(auditEvents.organizationId, w.orgA)),
    );
    await expectPagedExactly(
      contractor,
      '/api/audit-events',
      await idsInOrder(t, auditEvents, order, 'desc', eq(auditEvents.contractorId, w.contractorX)),
    );
  });

  it('contracts, for staff and for the contractor, filtered', async () => {
    const world = await createWorld(t);
    for (let i = 0; i < 5; i++) await createActiveContract(t, world, { title: `Paged contract ${i}` });
    await t.db.update(contracts).set({ updatedAt: tie }).where(eq(contracts.organizationId, world.orgA));
    const order = [contracts.updatedAt, contracts.id];
    const expected = await idsInOrder(t, contracts, order, 'desc', eq(contracts.organizationId, world.orgA));
    await expectPagedExactly(clientFor(t, world.aOwner), '/api/contracts', expected);
    await expectPagedExactly(
      clientFor(t, world.xAdmin),
      '/api/contracts',
      await idsInOrder(t, contracts, order, 'desc', eq(contracts.contractorId, world.contractorX)),
    );
    await expectPagedExactly(clientFor(t, world.aOwner), '/api/contracts?status=active&q=Paged', expected);
  });

  it("the contractor's milestones: what's left to deliver", async () => {
    const world = await createWorld(t);
    const contractId = await createActiveContract(t, world);
    for (let i = 0; i < rows; i++)
      await createMilestone(t, world, contractId, { title: `Paged ${i}`, dueDate: i < 4 ? '2026-09-30' : `2026-08-0${i}` });
    const expected = await idsInOrder(
      t,
      milestones,
      [milestones.dueDate, milestones.id],
      'asc',
      eq(milestones.contractorId, world.contractorX),
    );
    await expectPagedExactly(clientFor(t, world.xAdmin as Persona), '/api/milestones?view=pending', expected);
  });

  it('invoices, for staff and for the contractor, newest first', async () => {
    const submitted: string[] = [];
    for (let i = 0; i < 5; i++) submitted.push((await submitFreeInvoice(t, w)).id);
    await t.db
      .update(invoices)
      .set({ createdAt: tie })
      .where(inArray(invoices.id, submitted.slice(0, 3)));
    const order = [invoices.createdAt, invoices.id];
    const staffSide = await idsInOrder(t, invoices, order, 'desc', eq(invoices.organizationId, w.orgA));
    await expectPagedExactly(staff, '/api/invoices', staffSide);
    const contractorSide = await idsInOrder(t, invoices, order, 'desc', eq(invoices.contractorId, w.contractorX));
    await expectPagedExactly(clientFor(t, w.xAdmin), '/api/invoices', contractorSide);
  });

  it('payments: Pay contractors and the contractor’s payments, by status', async () => {
    const world = await createWorld(t);
    for (let i = 0; i < rows; i++) await createDraft(t, world, { amountMinor: 1_000 + i });
    await t.db.update(payments).set({ createdAt: tie }).where(eq(payments.organizationId, world.orgA));
    const order = [payments.createdAt, payments.id];
    const expected = await idsInOrder(t, payments, order, 'desc', eq(payments.organizationId, world.orgA));
    await expectPagedExactly(clientFor(t, world.aFinance), '/api/payments?status=draft', expected);
    await expectPagedExactly(clientFor(t, world.xAdmin), '/api/payments', expected);
  });
});
