import { and, asc, count, desc, eq, gt, inArray, isNull, lt, type SQL } from 'drizzle-orm';
import { isMilestoneOverdue, type MilestoneStatus, pendingMilestoneStatuses } from '../../../shared/domain/milestone.machine.ts';
import { todayIn } from '../../../shared/domain/time-zone.ts';
import { HOME_LIST_LIMIT, type Home } from '../../../shared/schemas/home.schema.ts';
import type { Actor, RequestContext } from '../../access/actor.ts';
import { scopes } from '../../access/scopes.ts';
import type { Db } from '../../db/client.ts';
import { readTogether } from '../../db/transaction.ts';
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
  const [count, items] = await readTogether(
    db,
    () => countMilestones(db, actor, where),
    () => listMilestones(db, actor, where, now),
  );
  return { count, items };
}

function statusIn(statuses: readonly MilestoneStatus[]): SQL {
  return inArray(milestones.status, [...statuses]);
}

/** Revisions of active contracts the contractor has not acknowledged yet. */
async function readUnacknowledged(db: Db, actor: Actor) {
  const where = and(scopes.contractRevisions(actor), isNull(contractRevisions.acknowledgedAt), eq(contracts.status, 'active'));
  const join = and(eq(contracts.id, contractRevisions.contractId), scopes.contracts(actor));
  const [[row], items] = await readTogether(
    db,
    () => db.select({ n: count() }).from(contractRevisions).innerJoin(contracts, join).where(where),
    () =>
      db
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
        .limit(HOME_LIST_LIMIT),
  );
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
  const [[row], items] = await readTogether(
    db,
    () => db.select({ n: count() }).from(invitations).where(where),
    () =>
      db
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
        .limit(HOME_LIST_LIMIT),
  );
  return { count: row?.n ?? 0, items: items.map((r) => ({ ...r, expiresAt: r.expiresAt.toISOString() })) };
}

/**
 * What needs attention, per side: counts of every list and its first rows, read through the
 * actor's scopes (nothing of another organization or contractor can appear).
 */
export async function readHome(db: Db, ctx: RequestContext, now = new Date()): Promise<Home> {
  const { actor } = ctx;
  // Every section side by side: on PGlite the statements queue on the database's thread, which
  // then never waits for this one to build the next; on PostgreSQL they run on the pool.
  if (actor.kind === 'staff') {
    const today = await readOrganizationToday(db, actor.organizationId, now);
    const [toReview, overdue, unacknowledged, waiting, money] = await readTogether(
      db,
      () => readMilestoneSection(db, actor, eq(milestones.status, 'submitted'), now),
      () => readMilestoneSection(db, actor, and(statusIn(pendingMilestoneStatuses), lt(milestones.dueDate, today)), now),
      () => readUnacknowledged(db, actor),
      () => readWaitingInvitations(db, actor, now),
      () => readStaffMoney(db, actor),
    );
    return { kind: 'staff', toReview, overdue, unacknowledged, invitations: waiting, money };
  }
  if (actor.kind === 'contractor') {
    const [toDeliver, changesRequested, inReview, unacknowledged, waiting, money] = await readTogether(
      db,
      () => readMilestoneSection(db, actor, statusIn(['open', 'changes_requested']), now),
      () => readMilestoneSection(db, actor, eq(milestones.status, 'changes_requested'), now),
      () => readMilestoneSection(db, actor, eq(milestones.status, 'submitted'), now),
      () => readUnacknowledged(db, actor),
      () => readWaitingInvitations(db, actor, now),
      () => readContractorMoney(db, actor),
    );
    return { kind: 'contractor', toDeliver, changesRequested, inReview, unacknowledged, invitations: waiting, money };
  }
  return { kind: actor.kind };
}
