import { and, asc, count, desc, eq, gt, inArray, isNull, lt, type SQL } from 'drizzle-orm';
import { isMilestoneOverdue, type MilestoneStatus, pendingMilestoneStatuses } from '../../../shared/domain/milestone.machine.ts';
import { todayIn } from '../../../shared/domain/time-zone.ts';
import { HOME_LIST_LIMIT, type Home } from '../../../shared/schemas/home.schema.ts';
import type { Actor, RequestContext } from '../../access/actor.ts';
import { scopes } from '../../access/scopes.ts';
import type { Db } from '../../db/client.ts';
import { readContractorMoney, readStaffMoney } from './home.money.ts';
import { readOrganizationToday } from '../organizations/organizations.service.ts';
import { contractRevisions, contracts, invitations, milestones, organizations } from '../../db/schema/index.ts';

/** The number of milestones the actor may see that match `where` (one indexed count). */
async function countMilestones(db: Db, actor: Actor, where: SQL | undefined): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(milestones)
    .where(and(scopes.milestones(actor), where));
  return row?.n ?? 0;
}

/** The first milestones by due date, with their contract's title; both sides of the join scoped; overdue on each organization's calendar. */
async function listMilestones(db: Db, actor: Actor, where: SQL | undefined, now: Date) {
  const rows = await db
    .select({
      timeZone: organizations.timeZone,
      id: milestones.id,
      title: milestones.title,
      dueDate: milestones.dueDate,
      status: milestones.status,
      amountMinor: milestones.amountMinor,
      currency: milestones.currency,
      contractId: milestones.contractId,
      contractTitle: contracts.title,
    })
    .from(milestones)
    .innerJoin(contracts, and(eq(contracts.id, milestones.contractId), scopes.contracts(actor)))
    .innerJoin(organizations, eq(organizations.id, milestones.organizationId))
    .where(and(scopes.milestones(actor), where))
    .orderBy(asc(milestones.dueDate), asc(milestones.id))
    .limit(HOME_LIST_LIMIT);
  return rows.map(({ timeZone, ...row }) => ({ ...row, overdue: isMilestoneOverdue(row, todayIn(timeZone, now)) }));
}

async function readMilestoneSection(db: Db, actor: Actor, where: SQL | undefined, now: Date) {
  return { count: await countMilestones(db, actor, where), items: await listMilestones(db, actor, where, now) };
}

function statusIn(statuses: readonly MilestoneStatus[]): SQL {
  return inArray(milestones.status, [...statuses]);
}

/** Revisions of active contracts the contractor has not acknowledged yet. */
async function readUnacknowledged(db: Db, actor: Actor) {
  const where = and(scopes.contractRevisions(actor), isNull(contractRevisions.acknowledgedAt), eq(contracts.status, 'active'));
  const join = and(eq(contracts.id, contractRevisions.contractId), scopes.contracts(actor));
  const [row] = await db.select({ n: count() }).from(contractRevisions).innerJoin(contracts, join).where(where);
  const items = await db
    .select({
      contractId: contractRevisions.contractId,
      contractTitle: contracts.title,
      number: contractRevisions.number,
      kind: contractRevisions.kind,
      createdAt: contractRevisions.createdAt,
    })
    .from(contractRevisions)
    .innerJoin(contracts, join)
    .where(where)
    .orderBy(desc(contractRevisions.createdAt))
    .limit(HOME_LIST_LIMIT);
  return { count: row?.n ?? 0, items: items.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
}

/** Invitations the actor may see that are still waiting for an answer. */
async function readWaitingInvitations(db: Db, actor: Actor, now: Date) {
  const where = and(
    scopes.invitations(actor),
    isNull(invitations.acceptedAt),
    isNull(invitations.revokedAt),
    gt(invitations.expiresAt, now),
  );
  const [row] = await db.select({ n: count() }).from(invitations).where(where);
  const items = await db
    .select({
      id: invitations.id,
      name: invitations.name,
      email: invitations.email,
      kind: invitations.kind,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .where(where)
    .orderBy(asc(invitations.expiresAt))
    .limit(HOME_LIST_LIMIT);
  return { count: row?.n ?? 0, items: items.map((r) => ({ ...r, expiresAt: r.expiresAt.toISOString() })) };
}

/**
 * What needs attention, per side: counts of every list and its first rows, read through the
 * actor's scopes (nothing of another organization or contractor can appear).
 */
export async function readHome(db: Db, ctx: RequestContext, now = new Date()): Promise<Home> {
  const { actor } = ctx;
  if (actor.kind === 'staff') {
    return {
      kind: 'staff',
      toReview: await readMilestoneSection(db, actor, eq(milestones.status, 'submitted'), now),
      overdue: await readMilestoneSection(
        db,
        actor,
        and(statusIn(pendingMilestoneStatuses), lt(milestones.dueDate, await readOrganizationToday(db, actor.organizationId, now))),
        now,
      ),
      unacknowledged: await readUnacknowledged(db, actor),
      invitations: await readWaitingInvitations(db, actor, now),
      money: await readStaffMoney(db, actor),
    };
  }
  if (actor.kind === 'contractor') {
    return {
      kind: 'contractor',
      toDeliver: await readMilestoneSection(db, actor, statusIn(['open', 'changes_requested']), now),
      changesRequested: await readMilestoneSection(db, actor, eq(milestones.status, 'changes_requested'), now),
      inReview: await readMilestoneSection(db, actor, eq(milestones.status, 'submitted'), now),
      unacknowledged: await readUnacknowledged(db, actor),
      invitations: await readWaitingInvitations(db, actor, now),
      money: await readContractorMoney(db, actor),
    };
  }
  return { kind: actor.kind };
}
