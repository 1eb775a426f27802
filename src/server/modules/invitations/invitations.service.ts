import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { InvitationKind } from '../../../shared/domain/roles.ts';
import type {
  acceptInvitationSchema,
  inviteContractorSchema,
  inviteMemberSchema,
  inviteStaffSchema,
  inviteTechnicianSchema,
} from '../../../shared/schemas/invitation.schema.ts';
import type { Actor, RequestContext } from '../../access/actor.ts';
import { assertAllowed, contractorAbilities, invitationAbilities, organizationAbilities } from '../../access/policies.ts';
import { scoped } from '../../access/scoped.ts';
import type { Db, Tx } from '../../db/client.ts';
import {
  accounts,
  contractorMembers,
  contractors,
  engagements,
  invitations,
  organizations,
  staffMembers,
  technicians,
  users,
} from '../../db/schema/index.ts';
import { runInTransaction } from '../../db/transaction.ts';
import { AppError, badField, forbidden } from '../../lib/errors.ts';
import { createId, createToken, hashToken } from '../../lib/ids.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { type Auth, createSessionCookies, hashPassword } from '../auth/auth.better.ts';
import { auditSignIn, limitAuthAttempt } from '../auth/auth.service.ts';
import { notify, queueEmail } from '../notifications/notifications.service.ts';

export const INVITATION_DAYS = 7;

type InvitationRow = typeof invitations.$inferSelect;

export function presentInvitation(actor: Actor, row: InvitationRow, now = new Date()) {
  const status = row.acceptedAt ? 'accepted' : row.revokedAt ? 'revoked' : row.expiresAt < now ? 'expired' : 'pending';
  return {
    id: row.id,
    kind: row.kind,
    email: row.email,
    name: row.name,
    role: row.role,
    status: status as 'pending' | 'accepted' | 'expired' | 'revoked',
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    abilities: invitationAbilities(actor, row),
  };
}

interface NewInvitation {
  kind: InvitationKind;
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
  await queueEmail(tx, input.email, {
    subject: input.kind === 'contractor' ? `${inviterOf} invites you to Portico` : `Join ${inviterOf} on Portico`,
    heading: `Hello ${input.name}`,
    paragraphs: [what, `The link works for ${INVITATION_DAYS} days.`],
    action: { label: 'Accept the invitation', url: `${publicUrl}/invite?token=${encodeURIComponent(token)}` },
  });
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
    const [existing] = await tx
      .select({ contractorId: contractorMembers.contractorId })
      .from(contractorMembers)
      .innerJoin(users, eq(users.id, contractorMembers.userId))
      .where(and(eq(users.email, input.email), eq(contractorMembers.role, 'admin')))
      .limit(1);
    let contractorId = existing?.contractorId;
    if (!contractorId) {
      contractorId = createId();
      await tx.insert(contractors).values({ id: contractorId, name: input.businessName });
    }
    const [current] = await tx
      .select()
      .from(engagements)
      .where(and(eq(engagements.organizationId, actor.organizationId), eq(engagements.contractorId, contractorId)))
      .for('update');
    let engagementId = current?.id;
    if (current?.status === 'active') throw new AppError('ALREADY_EXISTS', `${input.email} already works with your organization.`);
    if (!current) {
      engagementId = createId();
      await tx.insert(engagements).values({ id: engagementId, organizationId: actor.organizationId, contractorId, status: 'invited' });
      await recordAudit(tx, {
        actorUserId: ctx.user.id,
        organizationId: actor.organizationId,
        contractorId,
        action: 'engagement.created',
        entityType: 'engagement',
        entityId: engagementId,
        after: { status: 'invited' },
        ip: ctx.ip,
      });
    } else if (current.status === 'ended') {
      await tx.update(engagements).set({ status: 'invited', updatedAt: new Date() }).where(eq(engagements.id, current.id));
      await recordAudit(tx, {
        actorUserId: ctx.user.id,
        organizationId: actor.organizationId,
        contractorId,
        action: 'engagement.reinvited',
        entityType: 'engagement',
        entityId: current.id,
        before: { status: 'ended' },
        after: { status: 'invited' },
        ip: ctx.ip,
      });
    }
    const orgName = await organizationName(tx, actor.organizationId);
    const { row } = await createInvitation(
      tx,
      ctx,
      publicUrl,
      {
        kind: 'contractor',
        organizationId: actor.organizationId,
        contractorId,
        engagementId: engagementId!,
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
    const [already] = await tx
      .select({ id: staffMembers.id })
      .from(staffMembers)
      .innerJoin(users, eq(users.id, staffMembers.userId))
      .where(and(eq(users.email, input.email), eq(staffMembers.organizationId, actor.organizationId)));
    if (already) throw new AppError('ALREADY_EXISTS', `${input.email} is already on your team.`);
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
    const name = await contractorName(tx, actor.contractorId);
    const { row } = await createInvitation(
      tx,
      ctx,
      publicUrl,
      {
        kind,
        organizationId: null,
        contractorId: actor.contractorId,
        engagementId: null,
        email: input.email,
        name: input.name,
        role: kind === 'technician' ? null : 'office',
      },
      name,
    );
    return presentInvitation(actor, row);
  });
}

export async function listInvitations(db: Db, ctx: RequestContext) {
  const rows = await scoped(db, ctx.actor).invitations.list({ limit: 200 });
  return { items: rows.map((row) => presentInvitation(ctx.actor, row)) };
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
  const query = tx.select().from(invitations).where(eq(invitations.tokenHash, hashToken(token)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('TOKEN_INVALID', 'This invitation link is not valid. Check that you opened the whole link from the email.');
  if (row.acceptedAt) throw new AppError('TOKEN_INVALID', 'This invitation was already accepted. Sign in instead.');
  if (row.revokedAt) throw new AppError('TOKEN_INVALID', 'This invitation was withdrawn. Ask whoever invited you to send a new one.');
  if (row.expiresAt < new Date())
    throw new AppError('TOKEN_INVALID', 'This invitation has expired. Ask whoever invited you to send a new one.');
  return row;
}

/** Invitation links are guessed at no faster than sign-ins: 10 per IP per 15 minutes. */
export async function limitInvitationAttempt(db: Db, ip: string): Promise<void> {
  await limitAuthAttempt(db, 'invitation', ip, undefined);
}

/** Accepts the invitation, then signs the person in; returns the session's Set-Cookie headers. */
export async function acceptInvitationAndSignIn(
  db: Db,
  auth: Auth,
  input: z.infer<typeof acceptInvitationSchema>,
  request: { ip: string; headers: Headers },
): Promise<string[]> {
  await limitInvitationAttempt(db, request.ip);
  const { email } = await acceptInvitation(db, input, request.ip);
  const cookies = await createSessionCookies(auth, email, request.headers);
  await auditSignIn(db, { email, ip: request.ip, succeeded: true, method: 'invitation' });
  return cookies;
}

export async function previewInvitation(db: Db, token: string) {
  const row = await findUsableInvitation(db, token, false);
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, row.email));
  const credential = user
    ? await db.select({ id: accounts.id }).from(accounts).where(and(eq(accounts.userId, user.id), eq(accounts.providerId, 'credential')))
    : [];
  return {
    kind: row.kind,
    email: row.email,
    name: row.name,
    organizationName: row.organizationId ? await organizationName(db as unknown as Tx, row.organizationId) : null,
    contractorName: row.contractorId ? await contractorName(db as unknown as Tx, row.contractorId) : null,
    needsPassword: row.kind !== 'technician' && credential.length === 0,
  };
}

/**
 * Accepts an invitation: the person (created on first acceptance), the membership, the
 * engagement turned active, all in one transaction. Returns the email to sign in.
 */
export async function acceptInvitation(db: Db, input: z.infer<typeof acceptInvitationSchema>, ip: string): Promise<{ email: string }> {
  return runInTransaction(db, async (tx) => {
    const row = await findUsableInvitation(tx, input.token, true);
    if (row.kind === 'technician' && input.password)
      throw badField('password', 'Technicians sign in with an email link; no password is set.');
    let [user] = await tx.select().from(users).where(eq(users.email, row.email));
    const userId = user?.id ?? createId();
    if (!user) {
      [user] = await tx
        .insert(users)
        .values({ id: userId, email: row.email, name: input.name ?? row.name, emailVerified: true })
        .returning();
    } else if (!user.emailVerified) {
      await tx.update(users).set({ emailVerified: true }).where(eq(users.id, userId));
    }
    if (row.kind !== 'technician') {
      const [credential] = await tx
        .select({ id: accounts.id })
        .from(accounts)
        .where(and(eq(accounts.userId, userId), eq(accounts.providerId, 'credential')));
      if (!credential) {
        if (!input.password) throw badField('password', 'Choose a password to finish.');
        await tx.insert(accounts).values({
          id: createId(),
          accountId: userId,
          providerId: 'credential',
          userId,
          password: await hashPassword(input.password),
        });
      }
    }
    await addMembership(tx, row, userId);
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

async function addMembership(tx: Tx, row: InvitationRow, userId: string): Promise<void> {
  if (row.kind === 'staff' && row.organizationId) {
    await tx
      .insert(staffMembers)
      .values({ id: createId(), organizationId: row.organizationId, userId, role: row.role as 'admin' })
      .onConflictDoNothing();
    return;
  }
  if (row.kind === 'technician' && row.contractorId) {
    await tx.insert(technicians).values({ id: createId(), contractorId: row.contractorId, userId }).onConflictDoNothing();
    return;
  }
  if (!row.contractorId) return;
  await tx
    .insert(contractorMembers)
    .values({ id: createId(), contractorId: row.contractorId, userId, role: row.kind === 'contractor' ? 'admin' : 'office' })
    .onConflictDoNothing();
  if (row.kind === 'contractor' && row.engagementId) {
    const [engagement] = await tx
      .update(engagements)
      .set({ status: 'active', updatedAt: new Date() })
      .where(and(eq(engagements.id, row.engagementId), eq(engagements.status, 'invited')))
      .returning();
    if (engagement)
      await recordAudit(tx, {
        actorUserId: userId,
        organizationId: engagement.organizationId,
        contractorId: engagement.contractorId,
        action: 'engagement.activated',
        entityType: 'engagement',
        entityId: engagement.id,
        before: { status: 'invited' },
        after: { status: 'active' },
      });
  }
}
