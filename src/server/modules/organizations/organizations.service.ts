import { todayIn } from '../../../shared/domain/time-zone.ts';
import { and, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { updateOrganizationSchema } from '../../../shared/schemas/organization.schema.ts';
import type { Actor, RequestContext } from '../../access/actor.ts';
import { assertAllowed, organizationAbilities } from '../../access/policies.ts';
import { scopes } from '../../access/scopes.ts';
import { invalidateSessions } from '../../access/sessions.cache.ts';
import type { Db, Executor } from '../../db/client.ts';
import type { ContractorMemberRole, StaffRole } from '../../../shared/domain/roles.ts';
import { contractorMembers, contractors, organizations, staffMembers, technicians, users } from '../../db/schema/index.ts';
import { preparedRead } from '../../db/prepared.ts';
import { readTogether, runInTransaction } from '../../db/transaction.ts';
import { badField, findPgCode, notFound } from '../../lib/errors.ts';
import { type Keyset, keysetAfterValues, keysetKey, keysetOrder, keysetValues, type PageRequest, pageFrom } from '../../lib/pagination.ts';
import { assertExpectedVersion, type ExpectedVersion, staleVersion, versionsToMatch } from '../../lib/versions.ts';
import { createId } from '../../lib/ids.ts';
import { recordAudit } from '../../audit/audit.writer.ts';

type OrganizationRow = typeof organizations.$inferSelect;

function present(actor: Actor, row: OrganizationRow) {
  return {
    id: row.id,
    name: row.name,
    requireTwoFactor: row.requireTwoFactor,
    autoApproveDays: row.autoApproveDays,
    timeZone: row.timeZone,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    abilities: organizationAbilities(actor),
  };
}

async function readOwnOrganization(db: Executor, actor: Actor): Promise<OrganizationRow> {
  if (actor.kind !== 'staff') throw notFound('This organization');
  const [row] = await db.select().from(organizations).where(eq(organizations.id, actor.organizationId));
  if (!row) throw notFound('This organization');
  return row;
}

async function readOwnOrganizationForUpdate(tx: Executor, actor: Actor): Promise<OrganizationRow> {
  if (actor.kind !== 'staff') throw notFound('This organization');
  const [row] = await tx.select().from(organizations).where(eq(organizations.id, actor.organizationId)).for('update');
  if (!row) throw notFound('This organization');
  return row;
}

export async function getCurrentOrganization(db: Db, ctx: RequestContext) {
  return present(ctx.actor, await readOwnOrganization(db, ctx.actor));
}

/** The settings an owner or admin edits, as the audit trail records them. */
function settingsOf(row: OrganizationRow) {
  return { name: row.name, requireTwoFactor: row.requireTwoFactor, autoApproveDays: row.autoApproveDays, timeZone: row.timeZone };
}

/** PostgreSQL's answer to a time zone name it does not know. */
const INVALID_PARAMETER_VALUE = '22023';

/**
 * The database counts days in the zone too (`at time zone`): refuse a name its time zone data
 * lacks, rather than fail every list that asks for overdue milestones later. The database tries
 * the zone (inside a savepoint, as an unknown name is an error); listing `pg_timezone_names`
 * instead reads every file of its time zone data (0.1–0.2 s on the embedded database).
 */
export async function assertDatabaseKnowsZone(tx: Executor, timeZone: string): Promise<void> {
  await tx.execute(sql`savepoint time_zone_check`);
  try {
    await tx.execute(sql`select now() at time zone ${timeZone}`);
  } catch (error) {
    await tx.execute(sql`rollback to savepoint time_zone_check`);
    if (findPgCode(error) !== INVALID_PARAMETER_VALUE) throw error;
    throw badField('timeZone', `The database does not know the time zone ${timeZone}; choose another name for the same place.`);
  }
  await tx.execute(sql`release savepoint time_zone_check`);
}

export async function updateCurrentOrganization(
  db: Db,
  ctx: RequestContext,
  input: z.infer<typeof updateOrganizationSchema>,
  expected: ExpectedVersion,
) {
  return runInTransaction(db, async (tx) => {
    const before = await readOwnOrganizationForUpdate(tx, ctx.actor);
    assertAllowed(organizationAbilities(ctx.actor), 'update');
    assertExpectedVersion(expected, 'This organization', before.version);
    if (input.timeZone !== undefined && input.timeZone !== before.timeZone) await assertDatabaseKnowsZone(tx, input.timeZone);
    const matching = versionsToMatch(expected);
    const [after] = await tx
      .update(organizations)
      .set({ ...input, version: sql`${organizations.version} + 1` })
      .where(and(eq(organizations.id, before.id), matching ? inArray(organizations.version, matching) : undefined))
      .returning();
    if (!after) throw staleVersion('This organization', before.version);
    await invalidateSessions(tx, `organization:${before.id}`);
    await recordAudit(tx, {
      actorUserId: ctx.user.id,
      organizationId: before.id,
      action: 'organization.updated',
      entityType: 'organization',
      entityId: before.id,
      before: settingsOf(before),
      after: settingsOf(after),
      ip: ctx.ip,
    });
    return present(ctx.actor, after);
  });
}

/** Staff in the order they joined (the owner first); index (organization_id, created_at, id). */
const staffKeyset: Keyset = { columns: [staffMembers.createdAt, staffMembers.id], direction: 'asc' };

/** A page of staff with their names and emails: one prepared statement per shape (src/server/db/prepared.ts). */
const selectStaff = preparedRead((db: Executor, actor: Actor, v: { afterCreatedAt?: string; afterId?: string; limit: number }) =>
  db
    .select({
      key: keysetKey(staffKeyset),
      id: staffMembers.id,
      userId: staffMembers.userId,
      role: staffMembers.role,
      createdAt: staffMembers.createdAt,
      name: users.name,
      email: users.email,
    })
    .from(staffMembers)
    .innerJoin(users, eq(users.id, staffMembers.userId))
    .where(and(scopes.staffMembers(actor), v.afterCreatedAt ? keysetAfterValues(staffKeyset, [v.afterCreatedAt, v.afterId]) : undefined))
    .orderBy(...keysetOrder(staffKeyset))
    .limit(v.limit),
);

export async function listStaff(db: Db, ctx: RequestContext, request: PageRequest) {
  const [afterCreatedAt, afterId] = keysetValues(staffKeyset, request.cursor);
  const rows = await selectStaff(db, ctx.actor, { afterCreatedAt, afterId, limit: request.limit + 1 });
  const page = pageFrom(rows, request.limit, (r) => r.key);
  return { items: page.items.map(({ key: _key, ...r }) => ({ ...r, createdAt: r.createdAt.toISOString() })), nextCursor: page.nextCursor };
}

/** The contractor's own people: office members and technicians. */
export async function listContractorTeam(db: Db, ctx: RequestContext) {
  const actor = ctx.actor;
  const [members, techs] = await readTogether(
    db,
    () =>
      db
        .select({ id: contractorMembers.id, userId: users.id, name: users.name, email: users.email, role: contractorMembers.role })
        .from(contractorMembers)
        .innerJoin(users, eq(users.id, contractorMembers.userId))
        .where(scopes.contractorMembers(actor))
        .orderBy(users.name),
    () =>
      db
        .select({ id: technicians.id, userId: users.id, name: users.name, email: users.email })
        .from(technicians)
        .innerJoin(users, eq(users.id, technicians.userId))
        .where(and(scopes.technicians(actor), isNull(technicians.removedAt)))
        .orderBy(users.name),
  );
  const admin = actor.kind === 'contractor' && actor.role === 'admin';
  return { members, technicians: techs, abilities: { inviteMember: admin, inviteTechnician: admin } };
}

/** Creates an organization and its owner (used by the CLI and the demo seed). */
export async function createOrganizationWithOwner(
  tx: Executor,
  input: { name: string; ownerUserId: string; timeZone?: string },
): Promise<string> {
  const id = createId();
  const timeZone = input.timeZone ?? 'UTC';
  await assertDatabaseKnowsZone(tx, timeZone);
  await tx.insert(organizations).values({ id, name: input.name, timeZone });
  await tx.insert(staffMembers).values({ id: createId(), organizationId: id, userId: input.ownerUserId, role: 'owner' });
  await invalidateSessions(tx, `user:${input.ownerUserId}`);
  await recordAudit(tx, {
    actorUserId: input.ownerUserId,
    organizationId: id,
    action: 'organization.created',
    entityType: 'organization',
    entityId: id,
    after: { name: input.name, timeZone },
  });
  return id;
}

/** The people of a contractor who hear about its work: admins and office members. */
export async function listContractorMemberUserIds(db: Executor, contractorId: string): Promise<string[]> {
  const rows = await selectContractorMemberUserIds(db, contractorId);
  return rows.map((r) => r.userId);
}

/** The query of a contractor's members' user ids (to notify them in the same statement). */
export function selectContractorMemberUserIds(db: Executor, contractorId: string) {
  return db.select({ userId: contractorMembers.userId }).from(contractorMembers).where(eq(contractorMembers.contractorId, contractorId));
}

/** The staff who review deliverables: owners, admins and managers. */
export async function listReviewerUserIds(db: Executor, organizationId: string): Promise<string[]> {
  const rows = await selectReviewerUserIds(db, organizationId);
  return rows.map((r) => r.userId);
}

/** The query of the reviewers' user ids (to notify them in the same statement). */
export function selectReviewerUserIds(db: Executor, organizationId: string) {
  return db
    .select({ userId: staffMembers.userId })
    .from(staffMembers)
    .where(and(eq(staffMembers.organizationId, organizationId), inArray(staffMembers.role, ['owner', 'admin', 'manager'])));
}

/** The query of the staff who pay contractors (owners, admins, finance), to notify them in the same statement. */
export function selectPayerUserIds(db: Executor, organizationId: string, exceptUserIds: string[] = []) {
  return db
    .select({ userId: staffMembers.userId })
    .from(staffMembers)
    .where(
      and(
        eq(staffMembers.organizationId, organizationId),
        inArray(staffMembers.role, ['owner', 'admin', 'finance']),
        exceptUserIds.length > 0 ? notInArray(staffMembers.userId, exceptUserIds) : undefined,
      ),
    );
}

/** The admins of a contractor: who hears about its engagements. */
export async function listContractorAdminUserIds(db: Executor, contractorId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: contractorMembers.userId })
    .from(contractorMembers)
    .where(and(eq(contractorMembers.contractorId, contractorId), eq(contractorMembers.role, 'admin')));
  return rows.map((r) => r.userId);
}

export async function createContractor(tx: Executor, name: string): Promise<string> {
  const id = createId();
  await tx.insert(contractors).values({ id, name });
  return id;
}

/** The contractor business an email address administers, if any (a contractor engaged by several organizations). */
export async function findContractorAdministeredBy(tx: Executor, email: string): Promise<string | undefined> {
  const [row] = await tx
    .select({ contractorId: contractorMembers.contractorId })
    .from(contractorMembers)
    .innerJoin(users, eq(users.id, contractorMembers.userId))
    .where(and(eq(users.email, email), eq(contractorMembers.role, 'admin')))
    .limit(1);
  return row?.contractorId;
}

export async function isOnStaff(tx: Executor, organizationId: string, email: string): Promise<boolean> {
  const rows = await tx
    .select({ id: staffMembers.id })
    .from(staffMembers)
    .innerJoin(users, eq(users.id, staffMembers.userId))
    .where(and(eq(users.email, email), eq(staffMembers.organizationId, organizationId)));
  return rows.length > 0;
}

export type NewMembership =
  | { kind: 'staff'; organizationId: string; role: StaffRole }
  | { kind: 'contractor'; contractorId: string; role: ContractorMemberRole }
  | { kind: 'technician'; contractorId: string };

/** Adds a person to an organization's staff, a contractor's office, or its crew; once. */
export async function addMembership(tx: Executor, userId: string, membership: NewMembership): Promise<void> {
  await invalidateSessions(tx, `user:${userId}`);
  if (membership.kind === 'staff') {
    await tx
      .insert(staffMembers)
      .values({ id: createId(), organizationId: membership.organizationId, userId, role: membership.role })
      .onConflictDoNothing();
    return;
  }
  if (membership.kind === 'technician') {
    // An accepted invitation brings back a technician removed earlier.
    await tx
      .insert(technicians)
      .values({ id: createId(), contractorId: membership.contractorId, userId })
      .onConflictDoUpdate({
        target: [technicians.contractorId, technicians.userId],
        set: { removedAt: null, updatedAt: new Date(), version: sql`${technicians.version} + 1` },
        setWhere: sql`${technicians.removedAt} is not null`,
      });
    return;
  }
  await tx
    .insert(contractorMembers)
    .values({ id: createId(), contractorId: membership.contractorId, userId, role: membership.role })
    .onConflictDoNothing();
}

/** Today (YYYY-MM-DD) on the organization's calendar: due dates and days sent are counted there. */
export async function readOrganizationToday(db: Executor, organizationId: string, now = new Date()): Promise<string> {
  const [row] = await db.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, organizationId));
  return todayIn(row?.timeZone ?? 'UTC', now);
}
