import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { InvitationKind, StaffRole } from '../../../shared/domain/roles.ts';
import type {
  acceptInvitationSchema,
  inviteContractorSchema,
  inviteMemberSchema,
  inviteStaffSchema,
  inviteTechnicianSchema,
} from '../../../shared/schemas/invitation.schema.ts';
import type { RequestContext } from '../../access/actor.ts';
import { assertAllowed, contractorAbilities, invitationAbilities, organizationAbilities } from '../../access/policies.ts';
import { scoped } from '../../access/scoped.ts';
import type { Db, Tx } from '../../db/client.ts';
import { contractors, invitations, organizations } from '../../db/schema/index.ts';
import { runInTransaction } from '../../db/transaction.ts';
import { AppError, forbidden } from '../../lib/errors.ts';
import { createId, createToken, hashToken } from '../../lib/ids.ts';
import { recordAudit } from '../../audit/audit.writer.ts';
import { type Auth, createSessionCookies } from '../auth/auth.better.ts';
import { withTokenFailureLimit } from '../auth/auth.limits.ts';
import { auditSignIn, ensureInvitedUser, hasPassword } from '../auth/auth.service.ts';
import { presentInvitation } from './invitations.queries.ts';
import { activateEngagement, openEngagement, withdrawEngagement } from '../engagements/engagements.service.ts';
import { notify, queueEmail } from '../notifications/notifications.service.ts';
import { addMembership, createContractor, findContractorAdministeredBy, isOnStaff } from '../organizations/organizations.service.ts';

export const INVITATION_DAYS = 7;

type InvitationRow = typeof invitations.$inferSelect;

interface NewInvitation {
  kind: InvitationKind;
  businessName?: string;
  organizationId: string | null;
  contractorId: string | null;
  engagementId: string | null;
  email: string;
  name: string;
  role: string | null;
}

/** Writes the invitation and its audit event, and queues the email with the link. */
async function createInvitation(tx: Tx, ctx: RequestContext, publicUrl: string, input: NewInvitation, inviterOf: string) {
  const token = createToken();
  const [row] = await tx
    .insert(invitations)
    .values({
      id: createId(),
      ...input,
      tokenHash: hashToken(token),
      invitedByUserId: ctx.user.id,
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
    })
    .returning();
  if (!row) throw new Error('invitation insert returned nothing');
  await recordAudit(tx, {
    actorUserId: ctx.user.id,
    organizationId: input.organizationId,
    contractorId: input.contractorId,
    action: 'invitation.created',
    entityType: 'invitation',
    entityId: row.id,
    after: { kind: input.kind, email: input.email, role: input.role },
    ip: ctx.ip,
  });
  const what =
    input.kind === 'contractor'
      ? `${inviterOf} invites you to its contractor portal on Portico.`
      : input.kind === 'staff'
        ? `${ctx.user.name} invites you to join ${inviterOf} on Portico.`
        : input.kind === 'technician'
          ? `${inviterOf} adds you as a technician on Portico. You will see the jobs assigned to you.`
          : `${ctx.user.name} invites you to join ${inviterOf}'s office on Portico.`;
  await queueEmail(
    tx,
    input.email,
    {
      subject: input.kind === 'contractor' ? `${inviterOf} invites you to Portico` : `Join ${inviterOf} on Portico`,
      heading: `Hello ${input.name}`,
      paragraphs: [what, `The link works for ${INVITATION_DAYS} days.`],
      action: { label: 'Accept the invitation', url: `${publicUrl}/invite?token=${encodeURIComponent(token)}` },
    },
    { organizationId: input.organizationId ?? null },
  );
  return { row, token };
}

async function organizationName(tx: Tx, id: string): Promise<string> {
  const [org] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, id));
  return org?.name ?? 'Your client';
}

async function contractorName(tx: Tx, id: string): Promise<string> {
  const [row] = await tx.select({ name: contractors.name }).from(contractors).where(eq(contractors.id, id));
  return row?.name ?? 'Your contractor';
}

/**
 * A company invites a contractor: the contractor business (reused when the address already
 * administers one), the engagement (`invited`) and the admin's invitation, in one transaction.
 */
export async function inviteContractor(db: Db, ctx: RequestContext, publicUrl: string, input: z.infer<typeof inviteContractorSchema>) {
  const actor = ctx.actor;
  assertAllowed(organizationAbilities(actor), 'inviteContractor');
  if (actor.kind !== 'staff') throw forbidden();
  return runInTransaction(db, async (tx) => {
    // A second invitation to the same address reuses the contractor of the first one.
    const [pending] = await tx
      .select({ contractorId: invitations.contractorId })
      .from(invitations)
      .where(
        and(
          eq(invitations.organizationId, actor.organizationId),
          eq(invitations.kind, 'contractor'),
          eq(invitations.email, input.email),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, new Date()),
        ),
      )
      .limit(1);
    const contractorId =
      pending?.contractorId ?? (await findContractorAdministeredBy(tx, input.email)) ?? (await createContractor(tx, input.businessName));
    const engagement = await openEngagement(tx, ctx, { organizationId: actor.organizationId, contractorId });
    const orgName = await organizationName(tx, actor.organizationId);
    const { row } = await createInvitation(
      tx,
      ctx,
      publicUrl,
      {
        kind: 'contractor',
        businessName: input.businessName,
        organizationId: actor.organizationId,
        contractorId,
        engagementId: engagement.id,
        email: input.email,
        name: input.name,
        role: 'admin',
      },
      orgName,
    );
    return presentInvitation(actor, row);
  });
}

export async function inviteStaff(db: Db, ctx: RequestContext, publicUrl: string, input: z.infer<typeof inviteStaffSchema>) {
  const actor = ctx.actor;
  assertAllowed(organizationAbilities(actor), 'inviteStaff');
  if (actor.kind !== 'staff') throw forbidden();
  return runInTransaction(db, async (tx) => {
    if (await isOnStaff(tx, actor.organizationId, input.email))
      throw new AppError('ALREADY_EXISTS', `${input.email} is already on your team.`);
    const orgName = await organizationName(tx, actor.organizationId);
    const { row } = await createInvitation(
      tx,
      ctx,
      publicUrl,
      { kind: 'staff', organizationId: actor.organizationId, contractorId: null, engagementId: null, ...input },
      orgName,
    );
    return presentInvitation(actor, row);
  });
}

export async function inviteToContractor(
  db: Db,
  ctx: RequestContext,
  publicUrl: string,
  kind: 'contractor_member' | 'technician',
  input: z.infer<typeof inviteMemberSchema> | z.infer<typeof inviteTechnicianSchema>,
) {
  const actor = ctx.actor;
  assertAllowed(contractorAbilities(actor), kind === 'technician' ? 'inviteTechnician' : 'inviteMember');
  if (actor.kind !== 'contractor') throw forbidden();
  return runInTransaction(db, async (tx) => {
    const row = await inviteToContractorIn(tx, ctx, publicUrl, actor.contractorId, kind, input);
    return presentInvitation(actor, row);
  });
}

/**
 * The invitation of an office member or a technician, in the caller's transaction (the
 * technicians module adds a technician and invites them in one go). The caller checked the
 * actor may invite for `contractorId`.
 */
export async function inviteToContractorIn(
  tx: Tx,
  ctx: RequestContext,
  publicUrl: string,
  contractorId: string,
  kind: 'contractor_member' | 'technician',
  input: { email: string; name: string },
): Promise<InvitationRow> {
  const name = await contractorName(tx, contractorId);
  const { row } = await createInvitation(
    tx,
    ctx,
    publicUrl,
    {
      kind,
      organizationId: null,
      contractorId,
      engagementId: null,
      email: input.email,
      name: input.name,
      role: kind === 'technician' ? null : 'office',
    },
    name,
  );
  return row;
}

/** Withdraws every pending invitation of this address to this contractor's crew (a technician removed). */
export async function revokeTechnicianInvitations(tx: Tx, contractorId: string, email: string): Promise<number> {
  const revoked = await tx
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(invitations.contractorId, contractorId),
        eq(invitations.kind, 'technician'),
        eq(invitations.email, email),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .returning({ id: invitations.id });
  return revoked.length;
}

export async function revokeInvitation(db: Db, ctx: RequestContext, id: string) {
  return runInTransaction(db, async (tx) => {
    const row = await scoped(tx, ctx.actor).invitations.get(id, 'This invitation');
    assertAllowed(invitationAbilities(ctx.actor, row), 'revoke');
    const [updated] = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.id, id), sql`${invitations.acceptedAt} is null and ${invitations.revokedAt} is null`))
      .returning();
    if (!updated) throw new AppError('CONFLICT', 'This invitation was already accepted or revoked.');
    if (row.kind === 'contractor' && row.engagementId) {
      const [stillPending] = await tx
        .select({ id: invitations.id })
        .from(invitations)
        .where(
          and(
            eq(invitations.engagementId, row.engagementId),
            isNull(invitations.acceptedAt),
            isNull(invitations.revokedAt),
            gt(invitations.expiresAt, new Date()),
          ),
        )
        .limit(1);
      if (!stillPending) await withdrawEngagement(tx, ctx, row.engagementId);
    }
    await recordAudit(tx, {
      actorUserId: ctx.user.id,
      organizationId: row.organizationId,
      contractorId: row.contractorId,
      action: 'invitation.revoked',
      entityType: 'invitation',
      entityId: id,
      before: { status: 'pending' },
      after: { status: 'revoked' },
      ip: ctx.ip,
    });
    return presentInvitation(ctx.actor, updated);
  });
}

/** Finds a usable invitation by its token, or explains why it cannot be used. */
async function findUsableInvitation(tx: Db | Tx, token: string, lock: boolean): Promise<InvitationRow> {
  const query = tx
    .select()
    .from(invitations)
    .where(eq(invitations.tokenHash, hashToken(token)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('TOKEN_INVALID', 'This invitation link is not valid. Check that you opened the whole link from the email.');
  if (row.acceptedAt) throw new AppError('TOKEN_INVALID', 'This invitation was already accepted. Sign in instead.');
  if (row.revokedAt) throw new AppError('TOKEN_INVALID', 'This invitation was withdrawn. Ask whoever invited you to send a new one.');
  if (row.expiresAt < new Date())
    throw new AppError('TOKEN_INVALID', 'This invitation has expired. Ask whoever invited you to send a new one.');
  return row;
}

/** Runs a step that uses an invitation link; wrong links count against the address (failures only). */
export function limitInvitationAttempt<T>(db: Db, ip: string, run: () => Promise<T>): Promise<T> {
  return withTokenFailureLimit(db, 'invitation', ip, run);
}

/** Accepts the invitation, then signs the person in; returns the session's Set-Cookie headers. */
export async function acceptInvitationAndSignIn(
  db: Db,
  auth: Auth,
  input: z.infer<typeof acceptInvitationSchema>,
  request: { ip: string; headers: Headers },
): Promise<string[]> {
  const { email } = await limitInvitationAttempt(db, request.ip, () => acceptInvitation(db, input, request.ip));
  const cookies = await createSessionCookies(auth, email, request.headers);
  if (cookies.length > 0) await auditSignIn(db, { email, ip: request.ip, succeeded: true, method: 'invitation' });
  return cookies;
}

export async function previewInvitation(db: Db, token: string) {
  const row = await findUsableInvitation(db, token, false);
  return {
    kind: row.kind,
    email: row.email,
    name: row.name,
    organizationName: row.organizationId ? await organizationName(db as unknown as Tx, row.organizationId) : null,
    contractorName: row.contractorId ? await contractorName(db as unknown as Tx, row.contractorId) : null,
    needsPassword: row.kind !== 'technician' && !(await hasPassword(db, row.email)),
  };
}

/**
 * Accepts an invitation: the person (created on first acceptance), the membership, the
 * engagement turned active, all in one transaction. Returns the email to sign in.
 */
export async function acceptInvitation(db: Db, input: z.infer<typeof acceptInvitationSchema>, ip: string): Promise<{ email: string }> {
  return runInTransaction(db, async (tx) => {
    const row = await findUsableInvitation(tx, input.token, true);
    const userId = await ensureInvitedUser(tx, {
      email: row.email,
      name: input.name ?? row.name,
      password: input.password,
      passwordless: row.kind === 'technician',
    });
    await joinInvitedPlace(tx, row, userId, ip);
    await tx.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, row.id));
    await recordAudit(tx, {
      actorUserId: userId,
      organizationId: row.organizationId,
      contractorId: row.contractorId,
      action: 'invitation.accepted',
      entityType: 'invitation',
      entityId: row.id,
      before: { status: 'pending' },
      after: { status: 'accepted', kind: row.kind },
      ip,
    });
    await notify(tx, {
      userIds: [row.invitedByUserId],
      organizationId: row.organizationId,
      contractorId: row.kind === 'contractor' ? null : row.contractorId,
      type: 'invitation.accepted',
      title: `${input.name ?? row.name} accepted your invitation`,
      body: `${row.email} can now sign in to Portico.`,
      link: row.kind === 'contractor' ? '/app/contractors' : row.kind === 'staff' ? '/app/team' : '/portal/team',
    });
    return { email: row.email };
  });
}

/** The membership the invitation was for; a contractor's admin also activates the engagement. */
async function joinInvitedPlace(tx: Tx, row: InvitationRow, userId: string, ip: string): Promise<void> {
  if (row.kind === 'staff' && row.organizationId)
    return addMembership(tx, userId, { kind: 'staff', organizationId: row.organizationId, role: row.role as StaffRole });
  if (!row.contractorId) return;
  if (row.kind === 'technician') return addMembership(tx, userId, { kind: 'technician', contractorId: row.contractorId });
  await addMembership(tx, userId, {
    kind: 'contractor',
    contractorId: row.contractorId,
    role: row.kind === 'contractor' ? 'admin' : 'office',
  });
  if (row.kind === 'contractor' && row.engagementId) await activateEngagement(tx, row.engagementId, userId, ip);
}
