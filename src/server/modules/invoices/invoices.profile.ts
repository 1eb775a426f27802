import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { contractorProfileInputSchema } from '../../../shared/schemas/invoice.schema.ts';
import type { Actor, RequestContext } from '../../access/actor.ts';
import { assertAllowed, contractorProfileAbilities } from '../../access/policies.ts';
import { contractorProfileScope, scopes } from '../../access/scopes.ts';
import { recordAudit } from '../../audit/audit.writer.ts';
import type { Db, Executor } from '../../db/client.ts';
import { contractorProfiles, engagements } from '../../db/schema/index.ts';
import { readTogether, runInTransaction } from '../../db/transaction.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import { assertExpectedVersion, type ExpectedVersion, staleVersion, versionsToMatch } from '../../lib/versions.ts';

type ProfileRow = typeof contractorProfiles.$inferSelect;

function presentProfile(actor: Actor, contractorId: string, row: ProfileRow | undefined) {
  return {
    contractorId,
    legalName: row?.legalName ?? '',
    address: row?.address ?? '',
    taxId: row?.taxId ?? '',
    bankDetails: row?.bankDetails ?? '',
    email: row?.email ?? '',
    phone: row?.phone ?? '',
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    abilities: actor.kind === 'contractor' && actor.contractorId === contractorId ? contractorProfileAbilities(actor) : { edit: false },
  };
}

/** The business details of a contractor the actor may see (its own, or one its organization engages), or undefined. */
export async function readContractorProfile(db: Executor, actor: Actor, contractorId: string): Promise<ProfileRow | undefined> {
  const [row] = await db
    .select()
    .from(contractorProfiles)
    .where(and(eq(contractorProfiles.contractorId, contractorId), contractorProfileScope(actor, contractorProfiles.contractorId)));
  return row;
}

function ownContractorId(actor: Actor): string {
  if (actor.kind !== 'contractor') throw forbidden('Business details belong to a contractor: switch to your contractor membership.');
  return actor.contractorId;
}

/** The contractor's own details; version 0 (and empty fields) while never saved. */
export async function getOwnProfile(db: Db, ctx: RequestContext) {
  const contractorId = ownContractorId(ctx.actor);
  return presentProfile(ctx.actor, contractorId, await readContractorProfile(db, ctx.actor, contractorId));
}

/** The details of a contractor the staff member's organization engages (where to pay it); 404 otherwise. */
export async function getContractorProfile(db: Db, ctx: RequestContext, contractorId: string) {
  const [row, engaged] = await readTogether(
    db,
    () => readContractorProfile(db, ctx.actor, contractorId),
    () =>
      db
        .select({ id: engagements.id })
        .from(engagements)
        .where(and(eq(engagements.contractorId, contractorId), scopes.engagements(ctx.actor), ne(engagements.status, 'invited')))
        .limit(1),
  );
  // Engaged but never filled in: the empty details; not engaged (or another contractor's): 404.
  if (!row && engaged.length === 0) throw notFound('This contractor');
  return presentProfile(ctx.actor, contractorId, row);
}

/** Saves the details (admins only), creating them on the first save (If-Match "0"), versioned like every edit. */
export async function updateOwnProfile(
  db: Db,
  ctx: RequestContext,
  input: z.infer<typeof contractorProfileInputSchema>,
  expected: ExpectedVersion,
) {
  const contractorId = ownContractorId(ctx.actor);
  assertAllowed(contractorProfileAbilities(ctx.actor), 'edit');
  await runInTransaction(db, async (tx) => {
    const [current] = await tx.select().from(contractorProfiles).where(eq(contractorProfiles.contractorId, contractorId)).for('update');
    assertExpectedVersion(expected, 'Your business details', current?.version ?? 0);
    if (!current) {
      const [created] = await tx
        .insert(contractorProfiles)
        .values({ contractorId, ...input, updatedByUserId: ctx.user.id })
        .onConflictDoNothing()
        .returning();
      if (!created) throw staleVersion('Your business details', 1);
    } else {
      const matching = versionsToMatch(expected);
      const [updated] = await tx
        .update(contractorProfiles)
        .set({ ...input, version: sql`${contractorProfiles.version} + 1`, updatedByUserId: ctx.user.id, updatedAt: new Date() })
        .where(and(eq(contractorProfiles.contractorId, contractorId), matching ? inArray(contractorProfiles.version, matching) : undefined))
        .returning();
      if (!updated) throw staleVersion('Your business details', current.version);
    }
    const changed = Object.keys(input).filter((k) => current?.[k as keyof typeof input] !== input[k as keyof typeof input]);
    await recordAudit(tx, {
      actorUserId: ctx.user.id,
      organizationId: null,
      contractorId,
      action: current ? 'contractor_profile.updated' : 'contractor_profile.created',
      entityType: 'contractor_profile',
      entityId: contractorId,
      // Which fields changed, not their values: bank details stay out of the audit trail's text.
      after: { changed },
      ip: ctx.ip,
    });
  });
  return getOwnProfile(db, ctx);
}
