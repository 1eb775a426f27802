import { and, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { EngagementStatus } from '../../../shared/domain/roles.ts';
import type { Actor, RequestContext } from '../../access/actor.ts';
import { assertAllowed, engagementAbilities } from '../../access/policies.ts';
import { scoped } from '../../access/scoped.ts';
import { scopes } from '../../access/scopes.ts';
import type { Db, Executor } from '../../db/client.ts';
import { contractorMembers, contractors, engagements, organizations } from '../../db/schema/index.ts';
import { runInTransaction } from '../../db/transaction.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { notify } from '../notifications/notifications.service.ts';

async function readEngagements(db: Executor, actor: Actor, where?: SQL) {
  const rows = await db
    .select({
      id: engagements.id,
      status: engagements.status,
      createdAt: engagements.createdAt,
      organization: { id: organizations.id, name: organizations.name },
      contractor: { id: contractors.id, name: contractors.name },
    })
    .from(engagements)
    .innerJoin(organizations, eq(organizations.id, engagements.organizationId))
    .innerJoin(contractors, eq(contractors.id, engagements.contractorId))
    .where(and(scopes.engagements(actor), where))
    .orderBy(actor.kind === 'staff' ? contractors.name : organizations.name)
    .limit(500);
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString(), abilities: engagementAbilities(actor, row) }));
}

export async function listEngagements(db: Db, ctx: RequestContext, filter: { status?: EngagementStatus; q?: string }) {
  const search = filter.q ? `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const where = and(
    filter.status ? eq(engagements.status, filter.status) : undefined,
    search ? or(ilike(contractors.name, search), ilike(organizations.name, search)) : undefined,
  );
  return { items: await readEngagements(db, ctx.actor, where) };
}

export async function getEngagement(db: Db, ctx: RequestContext, id: string) {
  const [row] = await readEngagements(db, ctx.actor, eq(engagements.id, id));
  if (!row) throw notFound('This engagement');
  return row;
}

const transitions = {
  end: { from: ['invited', 'active'], to: 'ended' },
  reactivate: { from: ['ended'], to: 'active' },
} as const;

/** Ends or reactivates an engagement: compare-and-set on the status, audited, the contractor told. */
export async function changeEngagementStatus(db: Db, ctx: RequestContext, id: string, event: keyof typeof transitions) {
  const { from, to } = transitions[event];
  await runInTransaction(db, async (tx) => {
    const row = await scoped(tx, ctx.actor).engagements.get(id, 'This engagement');
    assertAllowed(engagementAbilities(ctx.actor, row), event);
    const [updated] = await tx
      .update(engagements)
      .set({ status: to, updatedAt: new Date() })
      .where(and(eq(engagements.id, id), or(...from.map((s) => eq(engagements.status, s)))))
      .returning();
    if (!updated)
      throw new AppError('INVALID_TRANSITION', `This engagement is ${row.status}; it cannot be ${to === 'ended' ? 'ended' : 'reactivated'}.`, {
        currentStatus: row.status,
      });
    await recordAudit(tx, {
      actorUserId: ctx.user.id,
      organizationId: row.organizationId,
      contractorId: row.contractorId,
      action: `engagement.${to === 'ended' ? 'ended' : 'reactivated'}`,
      entityType: 'engagement',
      entityId: id,
      before: { status: row.status },
      after: { status: to },
      ip: ctx.ip,
    });
    const admins = await tx
      .select({ userId: contractorMembers.userId })
      .from(contractorMembers)
      .where(and(eq(contractorMembers.contractorId, row.contractorId), eq(contractorMembers.role, 'admin')));
    const [org] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, row.organizationId));
    await notify(tx, {
      userIds: admins.map((a) => a.userId),
      organizationId: row.organizationId,
      contractorId: row.contractorId,
      type: `engagement.${to}`,
      title: to === 'ended' ? `${org?.name} ended your engagement` : `${org?.name} reactivated your engagement`,
      body: to === 'ended' ? 'You keep read access to your records.' : 'You can work with this organization again.',
      link: '/portal/organizations',
    });
  });
  return getEngagement(db, ctx, id);
}
