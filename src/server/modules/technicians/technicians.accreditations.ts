import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { addAccreditationSchema, updateAccreditationSchema } from '../../../shared/schemas/technician.schema.ts';
import type { RequestContext } from '../../access/actor.ts';
import { assertAllowed } from '../../access/policies.ts';
import { scoped } from '../../access/scoped.ts';
import { recordAudit } from '../../audit/audit.writer.ts';
import type { Db, Tx } from '../../db/client.ts';
import { technicianAccreditations } from '../../db/schema/index.ts';
import { runInTransaction } from '../../db/transaction.ts';
import { badField } from '../../lib/errors.ts';
import { createId } from '../../lib/ids.ts';
import { assertExpectedVersion, type ExpectedVersion, staleVersion, versionsToMatch } from '../../lib/versions.ts';
import { getAccreditation } from './technicians.queries.ts';
import { crewAbilities } from './technicians.presenter.ts';
import { readTechnicianForUpdate } from './technicians.service.ts';

type AccreditationRow = typeof technicianAccreditations.$inferSelect;

/** A scan may be attached only if it is a file of this contractor uploaded for no engagement, visible to the actor. */
async function assertOwnFile(tx: Tx, ctx: RequestContext, contractorId: string, fileId: string | null | undefined): Promise<void> {
  if (!fileId) return;
  const file = await scoped(tx, ctx.actor).files.find(fileId);
  if (!file || file.contractorId !== contractorId)
    throw badField('fileId', 'This file was not found: upload the document first (POST /api/files, without an engagement).');
  // A scan is the contractor's own paper, not a file shared with an organization on an engagement.
  if (file.organizationId !== null)
    throw badField('fileId', 'This file belongs to an engagement; upload the scan on its own (POST /api/files, without an engagement).');
}

function detailsOf(row: AccreditationRow) {
  return { type: row.type, number: row.number, expiresOn: row.expiresOn, fileId: row.fileId };
}

async function readAccreditationForUpdate(tx: Tx, ctx: RequestContext, id: string): Promise<AccreditationRow> {
  const row = await scoped(tx, ctx.actor).technicianAccreditations.getForUpdate(id, 'This accreditation');
  // The technician must still be in the crew: a removed technician's accreditations are read-only history.
  await readTechnicianForUpdate(tx, ctx, row.technicianId);
  return row;
}

export async function addAccreditation(db: Db, ctx: RequestContext, technicianId: string, input: z.infer<typeof addAccreditationSchema>) {
  const id = await runInTransaction(db, async (tx) => {
    const technician = await readTechnicianForUpdate(tx, ctx, technicianId);
    assertAllowed(crewAbilities(ctx.actor), 'addAccreditation');
    await assertOwnFile(tx, ctx, technician.contractorId, input.fileId);
    const [row] = await tx
      .insert(technicianAccreditations)
      .values({
        id: createId(),
        contractorId: technician.contractorId,
        technicianId,
        type: input.type,
        number: input.number,
        expiresOn: input.expiresOn ?? null,
        fileId: input.fileId ?? null,
      })
      .returning();
    if (!row) throw new Error('accreditation insert returned nothing');
    await recordAudit(tx, {
      actorUserId: ctx.user.id,
      contractorId: technician.contractorId,
      action: 'accreditation.added',
      entityType: 'technician_accreditation',
      entityId: row.id,
      after: { technicianId, ...detailsOf(row) },
      ip: ctx.ip,
    });
    return row.id;
  });
  return getAccreditation(db, ctx, id);
}

export async function updateAccreditation(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof updateAccreditationSchema>,
  expected: ExpectedVersion,
) {
  await runInTransaction(db, async (tx) => {
    const before = await readAccreditationForUpdate(tx, ctx, id);
    assertAllowed(crewAbilities(ctx.actor), 'edit');
    assertExpectedVersion(expected, 'This accreditation', before.version);
    await assertOwnFile(tx, ctx, before.contractorId, input.fileId);
    const matching = versionsToMatch(expected);
    const [after] = await tx
      .update(technicianAccreditations)
      .set({ ...input, updatedAt: new Date(), version: sql`${technicianAccreditations.version} + 1` })
      .where(and(eq(technicianAccreditations.id, id), matching ? inArray(technicianAccreditations.version, matching) : undefined))
      .returning();
    if (!after) throw staleVersion('This accreditation', before.version);
    await recordAudit(tx, {
      actorUserId: ctx.user.id,
      contractorId: before.contractorId,
      action: 'accreditation.updated',
      entityType: 'technician_accreditation',
      entityId: id,
      before: detailsOf(before),
      after: detailsOf(after),
      ip: ctx.ip,
    });
  });
  return getAccreditation(db, ctx, id);
}

export async function removeAccreditation(db: Db, ctx: RequestContext, id: string) {
  return runInTransaction(db, async (tx) => {
    const before = await readAccreditationForUpdate(tx, ctx, id);
    assertAllowed(crewAbilities(ctx.actor), 'remove');
    await tx.delete(technicianAccreditations).where(eq(technicianAccreditations.id, id));
    await recordAudit(tx, {
      actorUserId: ctx.user.id,
      contractorId: before.contractorId,
      action: 'accreditation.removed',
      entityType: 'technician_accreditation',
      entityId: id,
      before: { technicianId: before.technicianId, ...detailsOf(before) },
      ip: ctx.ip,
    });
    return { ok: true as const };
  });
}
