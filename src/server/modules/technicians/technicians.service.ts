import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { addTechnicianSchema, updateTechnicianSchema } from '../../../shared/schemas/technician.schema.ts';
import type { RequestContext } from '../../access/actor.ts';
import { assertAllowed, contractorAbilities } from '../../access/policies.ts';
import { scoped } from '../../access/scoped.ts';
import { invalidateSessions } from '../../access/sessions.cache.ts';
import { recordAudit } from '../../audit/audit.writer.ts';
import type { Db, Tx } from '../../db/client.ts';
import { technicians, users } from '../../db/schema/index.ts';
import { runInTransaction } from '../../db/transaction.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { createId } from '../../lib/ids.ts';
import { assertExpectedVersion, type ExpectedVersion, staleVersion, versionsToMatch } from '../../lib/versions.ts';
import { cutOffAccess, ensureInvitedUser } from '../auth/auth.service.ts';
import { inviteToContractorIn, revokeTechnicianInvitations } from '../invitations/invitations.service.ts';
import { getTechnician } from './technicians.queries.ts';

type TechnicianRow = typeof technicians.$inferSelect;

/** The contractor whose crew an admin manages; anyone else: 403 (office, technicians) or 404 (others). */
function managedContractor(ctx: RequestContext): string {
  assertAllowed(contractorAbilities(ctx.actor), 'inviteTechnician');
  if (ctx.actor.kind !== 'contractor') throw forbidden();
  return ctx.actor.contractorId;
}

/** A technician of the admin's crew, locked; removed ones are gone (404). */
export async function readTechnicianForUpdate(tx: Tx, ctx: RequestContext, id: string): Promise<TechnicianRow> {
  const row = await scoped(tx, ctx.actor).technicians.getForUpdate(id, 'This technician');
  if (row.removedAt) throw notFound('This technician');
  return row;
}

function detailsOf(row: TechnicianRow) {
  return { name: row.name, mobile: row.mobile };
}

/**
 * A contractor admin adds a technician: the person (created if new, no password), the crew
 * membership at once (so jobs can be assigned before they first sign in), and the invitation
 * email whose link signs them in. Adding someone removed earlier brings them back.
 */
export async function addTechnician(db: Db, ctx: RequestContext, publicUrl: string, input: z.infer<typeof addTechnicianSchema>) {
  const contractorId = managedContractor(ctx);
  const id = await runInTransaction(db, async (tx) => {
    const userId = await ensureInvitedUser(tx, { email: input.email, name: input.name, passwordless: true });
    const [existing] = await tx
      .select()
      .from(technicians)
      .where(and(eq(technicians.contractorId, contractorId), eq(technicians.userId, userId)))
      .for('update');
    if (existing && !existing.removedAt) throw new AppError('ALREADY_EXISTS', `${input.email} is already in your crew.`);
    const values = { name: input.name, mobile: input.mobile ?? null };
    const [row] = existing
      ? await tx
          .update(technicians)
          .set({ ...values, removedAt: null, updatedAt: new Date(), version: sql`${technicians.version} + 1` })
          .where(eq(technicians.id, existing.id))
          .returning()
      : await tx
          .insert(technicians)
          .values({ id: createId(), contractorId, userId, ...values })
          .returning();
    if (!row) throw new Error('technician write returned nothing');
    await invalidateSessions(tx, `user:${userId}`);
    await inviteToContractorIn(tx, ctx, publicUrl, contractorId, 'technician', { email: input.email, name: input.name });
    await recordAudit(tx, {
      actorUserId: ctx.user.id,
      contractorId,
      action: existing ? 'technician.readded' : 'technician.added',
      entityType: 'technician',
      entityId: row.id,
      after: { ...detailsOf(row), email: input.email },
      ip: ctx.ip,
    });
    return row.id;
  });
  return getTechnician(db, ctx, id);
}

export async function updateTechnician(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof updateTechnicianSchema>,
  expected: ExpectedVersion,
) {
  await runInTransaction(db, async (tx) => {
    const before = await readTechnicianForUpdate(tx, ctx, id);
    managedContractor(ctx);
    assertExpectedVersion(expected, 'This technician', before.version);
    const matching = versionsToMatch(expected);
    const [after] = await tx
      .update(technicians)
      .set({ ...input, updatedAt: new Date(), version: sql`${technicians.version} + 1` })
      .where(and(eq(technicians.id, id), matching ? inArray(technicians.version, matching) : undefined))
      .returning();
    if (!after) throw staleVersion('This technician', before.version);
    await recordAudit(tx, {
      actorUserId: ctx.user.id,
      contractorId: before.contractorId,
      action: 'technician.updated',
      entityType: 'technician',
      entityId: id,
      before: detailsOf(before),
      after: detailsOf(after),
      ip: ctx.ip,
    });
  });
  return getTechnician(db, ctx, id);
}

/**
 * Removes a technician from the crew, effective at once: the membership ends (their cached
 * sessions drop), pending invitations and sign-in links stop working, and their sessions end
 * when they belong nowhere else. Their past work and assignments stay on the record.
 */
export async function removeTechnician(db: Db, ctx: RequestContext, id: string) {
  return runInTransaction(db, async (tx) => {
    const row = await readTechnicianForUpdate(tx, ctx, id);
    managedContractor(ctx);
    await tx
      .update(technicians)
      .set({ removedAt: new Date(), updatedAt: new Date(), version: sql`${technicians.version} + 1` })
      .where(eq(technicians.id, id));
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, row.userId));
    const invitationsRevoked = user ? await revokeTechnicianInvitations(tx, row.contractorId, user.email) : 0;
    const { sessionsEnded } = await cutOffAccess(tx, row.userId);
    await recordAudit(tx, {
      actorUserId: ctx.user.id,
      contractorId: row.contractorId,
      action: 'technician.removed',
      entityType: 'technician',
      entityId: id,
      before: { ...detailsOf(row), status: 'active' },
      after: { status: 'removed', sessionsEnded, invitationsRevoked },
      ip: ctx.ip,
    });
    return { ok: true as const };
  });
}
