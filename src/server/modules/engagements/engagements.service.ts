import { and, eq, ilike, or, sql } from 'drizzle-orm';
import { engagementMachine } from '../../../shared/domain/engagement.machine.ts';
import type { EngagementStatus } from '../../../shared/domain/roles.ts';
import { type Actor, type RequestContext, systemActor } from '../../access/actor.ts';
import { assertAllowed, engagementAbilities } from '../../access/policies.ts';
import { scoped } from '../../access/scoped.ts';
import { scopes } from '../../access/scopes.ts';
import { applyTransition } from '../../access/transition.ts';
import type { Db, Executor, Tx } from '../../db/client.ts';
import { contractors, engagements, invitations, organizations } from '../../db/schema/index.ts';
import { preparedRead } from '../../db/prepared.ts';
import { runInTransaction } from '../../db/transaction.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { createId } from '../../lib/ids.ts';
import { recordAudit } from '../../audit/audit.writer.ts';
import { type Keyset, keysetAfterValues, keysetKey, keysetOrder, keysetValues, type PageRequest, pageFrom } from '../../lib/pagination.ts';
import { notify } from '../notifications/notifications.service.ts';
import { listContractorAdminUserIds } from '../organizations/organizations.service.ts';
import { containsPattern } from '../../lib/like.pattern.ts';

/**
 * Until a contractor accepts, its engagement shows the business name the staff typed, not the
 * name of a business that may already exist on Portico (that is the contractor's to reveal).
 */
const shownContractorName = sql<string>`case when ${engagements.status} = 'invited' then coalesce((
  select ${invitations.businessName} from ${invitations}
  where ${invitations.engagementId} = ${engagements.id} order by ${invitations.createdAt} desc limit 1), ${contractors.name})
  else ${contractors.name} end`;

/** Newest first; one index per side: (organization_id | contractor_id, created_at, id). */
const engagementKeyset: Keyset = { columns: [engagements.createdAt, engagements.id], direction: 'desc' };

/** One engagement by id, or a page of the list: filters and cursor. */
type EngagementRead = {
  id?: string;
  status?: EngagementStatus;
  /** An ILIKE pattern on the contractor's or the organization's name. */
  nameLike?: string;
  afterCreatedAt?: string;
  afterId?: string;
  limit: number;
};

/** Engagements with their parties' names: one prepared statement per shape (src/server/db/prepared.ts). */
const selectEngagements = preparedRead((db: Executor, actor: Actor, v: EngagementRead) =>
  db
    .select({
      key: keysetKey(engagementKeyset),
      id: engagements.id,
      status: engagements.status,
      createdAt: engagements.createdAt,
      organization: { id: organizations.id, name: organizations.name },
      contractor: { id: contractors.id, name: shownContractorName },
    })
    .from(engagements)
    .innerJoin(organizations, eq(organizations.id, engagements.organizationId))
    .innerJoin(contractors, eq(contractors.id, engagements.contractorId))
    .where(
      and(
        scopes.engagements(actor),
        v.id ? eq(engagements.id, v.id) : undefined,
        v.status ? eq(engagements.status, v.status) : undefined,
        v.nameLike ? or(ilike(shownContractorName, v.nameLike), ilike(organizations.name, v.nameLike)) : undefined,
        v.afterCreatedAt ? keysetAfterValues(engagementKeyset, [v.afterCreatedAt, v.afterId]) : undefined,
      ),
    )
    .orderBy(...keysetOrder(engagementKeyset))
    .limit(v.limit),
);

async function readEngagements(db: Executor, actor: Actor, read: EngagementRead) {
  const rows = await selectEngagements(db, actor, read);
  return rows.map(({ key, ...row }) => ({
    key,
    item: { ...row, createdAt: row.createdAt.toISOString(), abilities: engagementAbilities(actor, row) },
  }));
}

export async function listEngagements(db: Db, ctx: RequestContext, filter: { status?: EngagementStatus; q?: string } & PageRequest) {
  const [afterCreatedAt, afterId] = keysetValues(engagementKeyset, filter.cursor);
  const rows = await readEngagements(db, ctx.actor, {
    status: filter.status,
    nameLike: filter.q ? containsPattern(filter.q) : undefined,
    afterCreatedAt,
    afterId,
    limit: filter.limit + 1,
  });
  const page = pageFrom(rows, filter.limit, (r) => r.key);
  return { items: page.items.map((r) => r.item), nextCursor: page.nextCursor };
}

export async function getEngagement(db: Db, ctx: RequestContext, id: string) {
  const [row] = await readEngagements(db, ctx.actor, { id, limit: 1 });
  if (!row) throw notFound('This engagement');
  return row.item;
}

/** Ends or reactivates an engagement through its machine: audited, the contractor told. */
export async function changeEngagementStatus(db: Db, ctx: RequestContext, id: string, event: 'end' | 'reactivate') {
  await runInTransaction(db, async (tx) => {
    const row = await scoped(tx, ctx.actor).engagements.get(id, 'This engagement');
    assertAllowed(engagementAbilities(ctx.actor, row), event);
    const updated = await applyTransition(tx, {
      table: 'engagements',
      machine: engagementMachine,
      event,
      id,
      by: { actor: ctx.actor, ip: ctx.ip },
      entityType: 'engagement',
      what: 'This engagement',
    });
    const [org] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, row.organizationId));
    const ended = updated.status === 'ended';
    await notify(tx, {
      userIds: await listContractorAdminUserIds(tx, row.contractorId),
      organizationId: row.organizationId,
      contractorId: row.contractorId,
      type: `engagement.${updated.status}`,
      title: ended ? `${org?.name} ended your engagement` : `${org?.name} reactivated your engagement`,
      body: ended ? 'You keep read access to your records.' : 'You can work with this organization again.',
      link: '/portal/organizations',
    });
  });
  return getEngagement(db, ctx, id);
}

/**
 * The engagement an invitation of a contractor is for: created `invited`, or an ended one
 * invited again; an active one means the contractor already works with the organization.
 */
export async function openEngagement(
  tx: Tx,
  ctx: RequestContext,
  parties: { organizationId: string; contractorId: string },
): Promise<{ id: string; status: EngagementStatus }> {
  const [current] = await tx
    .select()
    .from(engagements)
    .where(and(eq(engagements.organizationId, parties.organizationId), eq(engagements.contractorId, parties.contractorId)))
    .for('update');
  if (current?.status === 'active') throw new AppError('ALREADY_EXISTS', 'This contractor already works with your organization.');
  if (current?.status === 'ended') {
    const reopened = await applyTransition(tx, {
      table: 'engagements',
      machine: engagementMachine,
      event: 'reinvite',
      id: current.id,
      by: { actor: ctx.actor, ip: ctx.ip },
      entityType: 'engagement',
      what: 'This engagement',
    });
    return { id: reopened.id, status: reopened.status };
  }
  if (current) return { id: current.id, status: current.status };
  const id = createId();
  await tx.insert(engagements).values({ id, ...parties, status: 'invited' });
  await recordAudit(tx, {
    actorUserId: ctx.user.id,
    ...parties,
    action: 'engagement.created',
    entityType: 'engagement',
    entityId: id,
    after: { status: 'invited' },
    ip: ctx.ip,
  });
  return { id, status: 'invited' };
}

/** invited → active when the contractor's admin accepts the invitation; already active is fine. */
export async function activateEngagement(tx: Tx, engagementId: string, acceptedByUserId: string, ip: string): Promise<void> {
  const [row] = await tx
    .select({ status: engagements.status, organizationId: engagements.organizationId })
    .from(engagements)
    .where(eq(engagements.id, engagementId));
  if (row?.status !== 'invited') return;
  await applyTransition(tx, {
    table: 'engagements',
    machine: engagementMachine,
    event: 'activate',
    id: engagementId,
    by: systemActor(acceptedByUserId, ip),
    entityType: 'engagement',
    what: 'This engagement',
  });
}

/** An `invited` engagement whose last invitation was withdrawn ends: nothing may hang off it. */
export async function withdrawEngagement(tx: Tx, ctx: RequestContext, engagementId: string): Promise<void> {
  const [row] = await tx.select({ status: engagements.status }).from(engagements).where(eq(engagements.id, engagementId));
  if (row?.status !== 'invited') return;
  await applyTransition(tx, {
    table: 'engagements',
    machine: engagementMachine,
    event: 'end',
    id: engagementId,
    by: { actor: ctx.actor, ip: ctx.ip },
    entityType: 'engagement',
    what: 'This engagement',
    note: 'Invitation withdrawn',
  });
}
