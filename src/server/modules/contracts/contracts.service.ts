import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { contractMachine, type ContractEvent } from '../../../shared/domain/contract.machine.ts';
import type { createContractSchema, renewContractSchema, updateContractSchema } from '../../../shared/schemas/contract.schema.ts';
import type { RequestContext } from '../../access/actor.ts';
import { assertAllowed, contractAbilities, contractCreateAbilities, contractRevisionAbilities } from '../../access/policies.ts';
import { scoped } from '../../access/scoped.ts';
import { applyTransition } from '../../access/transition.ts';
import type { Db, Tx } from '../../db/client.ts';
import { contractDocuments, contractRevisions, contracts, milestones, organizations } from '../../db/schema/index.ts';
import { runInTransaction } from '../../db/transaction.ts';
import { AppError, badField, notFound } from '../../lib/errors.ts';
import { sanitizeRichText } from '../../lib/html.ts';
import { assertExpectedVersion, type ExpectedVersion, staleVersion, versionsToMatch } from '../../lib/versions.ts';
import { createId } from '../../lib/ids.ts';
import { recordAudit } from '../../audit/audit.writer.ts';
import { readAttachableFile } from '../files/files.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import { selectContractorMemberUserIds } from '../organizations/organizations.service.ts';
import { getContract, getNewContract, listRevisions } from './contracts.queries.ts';
import { type ContractRow, type ContractTerms, diffTerms, type TermChanges, termsOf } from './contracts.terms.ts';

function checkTerm(terms: ContractTerms): void {
  if (terms.endDate && terms.endDate < terms.startDate) throw badField('endDate', 'The end date is before the start date.');
}

/** Milestones still to be delivered must stay inside the contract's term. */
async function checkMilestonesWithinTerm(tx: Tx, ctx: RequestContext, contractId: string, terms: ContractTerms): Promise<void> {
  const outside = await tx
    .select({ title: milestones.title, dueDate: milestones.dueDate })
    .from(milestones)
    .where(
      and(
        scoped(tx, ctx.actor).childrenOf(milestones, milestones.contractId, contractId),
        sql`(${milestones.dueDate} < ${terms.startDate} or (${terms.endDate}::date is not null and ${milestones.dueDate} > ${terms.endDate}::date))`,
      ),
    )
    .limit(3);
  if (outside.length > 0)
    throw badField(
      terms.endDate && outside.some((m) => m.dueDate > (terms.endDate ?? '')) ? 'endDate' : 'startDate',
      `Milestones would fall outside the contract's term: ${outside.map((m) => `${m.title} (due ${m.dueDate})`).join(', ')}. Move them first.`,
    );
}

export async function createContract(db: Db, ctx: RequestContext, input: z.infer<typeof createContractSchema>) {
  const id = await runInTransaction(db, async (tx) => {
    const engagement = await scoped(tx, ctx.actor).engagements.get(input.engagementId, 'This engagement');
    assertAllowed(contractCreateAbilities(ctx.actor), 'create');
    if (engagement.status !== 'active')
      throw badField(
        'engagementId',
        engagement.status === 'invited'
          ? 'The contractor has not accepted the invitation yet; contracts can be made once it has.'
          : 'This engagement has ended; reactivate it before adding a contract.',
      );
    const { engagementId: _e, ...rest } = input;
    const terms = { ...rest, scopeHtml: await sanitizeRichText(rest.scopeHtml) };
    checkTerm(terms);
    const contractId = createId();
    await tx.insert(contracts).values({
      id: contractId,
      organizationId: engagement.organizationId,
      contractorId: engagement.contractorId,
      engagementId: engagement.id,
      ...terms,
      status: 'draft',
      createdByUserId: ctx.user.id,
    });
    await recordAudit(tx, {
      actorUserId: ctx.user.id,
      organizationId: engagement.organizationId,
      contractorId: engagement.contractorId,
      action: 'contract.created',
      entityType: 'contract',
      entityId: contractId,
      after: { ...terms, status: 'draft' },
      ip: ctx.ip,
    });
    return contractId;
  });
  return getNewContract(db, ctx, id);
}

async function addRevision(
  tx: Tx,
  ctx: RequestContext,
  contract: ContractRow,
  kind: 'activation' | 'revision' | 'renewal',
  changes: TermChanges,
  note: string | null,
): Promise<number> {
  const number = contract.revision + 1;
  await tx.insert(contractRevisions).values({
    id: createId(),
    contractId: contract.id,
    organizationId: contract.organizationId,
    contractorId: contract.contractorId,
    number,
    kind,
    terms: termsOf(contract),
    changes,
    note,
    createdByUserId: ctx.user.id,
  });
  await tx.update(contracts).set({ revision: number, updatedAt: new Date() }).where(eq(contracts.id, contract.id));
  const [org] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, contract.organizationId));
  const titles = {
    activation: `${org?.name} activated the contract "${contract.title}"`,
    revision: `${org?.name} revised the contract "${contract.title}"`,
    renewal: `${org?.name} renewed the contract "${contract.title}" until ${contract.endDate}`,
  };
  const changed = Object.keys(changes);
  await notify(tx, {
    userIds: selectContractorMemberUserIds(tx, contract.contractorId),
    organizationId: contract.organizationId,
    contractorId: contract.contractorId,
    type: `contract.${kind === 'activation' ? 'activated' : kind === 'renewal' ? 'renewed' : 'revised'}`,
    title: titles[kind],
    body:
      kind === 'revision'
        ? `Changed: ${changed.join(', ')}. Review and acknowledge the new revision.`
        : 'Review the terms and acknowledge them.',
    link: `/portal/contracts/${contract.id}`,
  });
  return number;
}

export async function updateContract(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof updateContractSchema>,
  expected: ExpectedVersion,
) {
  await runInTransaction(db, async (tx) => {
    const current = await scoped(tx, ctx.actor).contracts.getForUpdate(id, 'This contract');
    assertAllowed(contractAbilities(ctx.actor, current), 'edit');
    assertExpectedVersion(expected, 'This contract', current.version);
    const next: ContractTerms = {
      ...termsOf(current),
      ...input,
      ...(input.scopeHtml !== undefined ? { scopeHtml: await sanitizeRichText(input.scopeHtml) } : {}),
    };
    checkTerm(next);
    const changes = diffTerms(termsOf(current), next);
    if (Object.keys(changes).length === 0) return;
    await checkMilestonesWithinTerm(tx, ctx, id, next);
    const matching = versionsToMatch(expected);
    const [updated] = await tx
      .update(contracts)
      .set({ ...next, version: sql`${contracts.version} + 1`, updatedAt: new Date() })
      .where(and(eq(contracts.id, id), matching ? inArray(contracts.version, matching) : undefined))
      .returning();
    if (!updated) throw staleVersion('This contract', current.version);
    await recordAudit(tx, {
      actorUserId: ctx.user.id,
      organizationId: current.organizationId,
      contractorId: current.contractorId,
      action: current.status === 'active' ? 'contract.revised' : 'contract.updated',
      entityType: 'contract',
      entityId: id,
      before: Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.from])),
      after: Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.to])),
      ip: ctx.ip,
    });
    if (current.status === 'active') await addRevision(tx, ctx, updated!, 'revision', changes, null);
  });
  return getContract(db, ctx, id);
}

export async function changeContractStatus(db: Db, ctx: RequestContext, id: string, event: ContractEvent) {
  await runInTransaction(db, async (tx) => {
    const row = await scoped(tx, ctx.actor).contracts.get(id, 'This contract');
    assertAllowed(contractAbilities(ctx.actor, row), event);
    const updated = await applyTransition(tx, {
      table: 'contracts',
      machine: contractMachine,
      event,
      id,
      by: { actor: ctx.actor, ip: ctx.ip },
      entityType: 'contract',
      what: 'This contract',
    });
    if (event === 'activate') {
      await addRevision(tx, ctx, updated, 'activation', {}, null);
      return;
    }
    const [org] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, row.organizationId));
    await notify(tx, {
      userIds: selectContractorMemberUserIds(tx, row.contractorId),
      organizationId: row.organizationId,
      contractorId: row.contractorId,
      type: `contract.${event === 'end' ? 'ended' : 'terminated'}`,
      title: `${org?.name} ${event === 'end' ? 'ended' : 'terminated'} the contract "${row.title}"`,
      body: 'You keep read access to the contract and its milestones.',
      link: `/portal/contracts/${id}`,
    });
  });
  return getContract(db, ctx, id);
}

/** A renewal is a revision that extends the term. */
export async function renewContract(db: Db, ctx: RequestContext, id: string, input: z.infer<typeof renewContractSchema>) {
  await runInTransaction(db, async (tx) => {
    const current = await scoped(tx, ctx.actor).contracts.getForUpdate(id, 'This contract');
    assertAllowed(contractAbilities(ctx.actor, current), 'renew');
    if (!current.endDate) throw new AppError('CONFLICT', 'This contract has no end date, so there is nothing to renew.');
    if (input.endDate <= current.endDate) throw badField('endDate', `A renewal extends the term: choose a date after ${current.endDate}.`);
    const [updated] = await tx
      .update(contracts)
      .set({ endDate: input.endDate, version: sql`${contracts.version} + 1`, updatedAt: new Date() })
      .where(eq(contracts.id, id))
      .returning();
    await recordAudit(tx, {
      actorUserId: ctx.user.id,
      organizationId: current.organizationId,
      contractorId: current.contractorId,
      action: 'contract.renewed',
      entityType: 'contract',
      entityId: id,
      before: { endDate: current.endDate },
      after: { endDate: input.endDate },
      ip: ctx.ip,
    });
    await addRevision(tx, ctx, updated!, 'renewal', { endDate: { from: current.endDate, to: input.endDate } }, input.note ?? null);
  });
  return getContract(db, ctx, id);
}

export async function acknowledgeRevision(db: Db, ctx: RequestContext, contractId: string, number: number) {
  await runInTransaction(db, async (tx) => {
    const reader = scoped(tx, ctx.actor);
    const {
      items: [found],
    } = await reader.contractRevisions.page({
      where: and(eq(contractRevisions.contractId, contractId), eq(contractRevisions.number, number)),
      limit: 1,
    });
    if (!found) throw notFound('This revision');
    const revision = await reader.contractRevisions.getForUpdate(found.id, 'This revision');
    if (revision.acknowledgedAt) throw new AppError('CONFLICT', `Revision ${number} was already acknowledged.`);
    assertAllowed(contractRevisionAbilities(ctx.actor, revision), 'acknowledge');
    await tx
      .update(contractRevisions)
      .set({ acknowledgedAt: new Date(), acknowledgedByUserId: ctx.user.id })
      .where(eq(contractRevisions.id, revision.id));
    await recordAudit(tx, {
      actorUserId: ctx.user.id,
      organizationId: revision.organizationId,
      contractorId: revision.contractorId,
      action: 'contract.revision_acknowledged',
      entityType: 'contract',
      entityId: contractId,
      after: { revision: number },
      ip: ctx.ip,
    });
  });
  return listRevisions(db, ctx, contractId);
}

export async function addContractDocument(db: Db, ctx: RequestContext, contractId: string, fileId: string) {
  await runInTransaction(db, async (tx) => {
    const contract = await scoped(tx, ctx.actor).contracts.get(contractId, 'This contract');
    assertAllowed(contractAbilities(ctx.actor, contract), 'manageDocuments');
    const file = await readAttachableFile(tx, ctx.actor, fileId, contract);
    const [added] = await tx
      .insert(contractDocuments)
      .values({ id: createId(), contractId, organizationId: contract.organizationId, contractorId: contract.contractorId, fileId })
      .onConflictDoNothing()
      .returning();
    if (!added) return;
    await recordAudit(tx, {
      actorUserId: ctx.user.id,
      organizationId: contract.organizationId,
      contractorId: contract.contractorId,
      action: 'contract.document_added',
      entityType: 'contract',
      entityId: contractId,
      after: { fileId, name: file.name },
      ip: ctx.ip,
    });
  });
  return getContract(db, ctx, contractId);
}

export async function removeContractDocument(db: Db, ctx: RequestContext, contractId: string, fileId: string) {
  await runInTransaction(db, async (tx) => {
    const contract = await scoped(tx, ctx.actor).contracts.get(contractId, 'This contract');
    assertAllowed(contractAbilities(ctx.actor, contract), 'manageDocuments');
    const removed = await tx
      .delete(contractDocuments)
      .where(and(eq(contractDocuments.contractId, contractId), eq(contractDocuments.fileId, fileId)))
      .returning();
    if (removed.length === 0) throw notFound('This document');
    await recordAudit(tx, {
      actorUserId: ctx.user.id,
      organizationId: contract.organizationId,
      contractorId: contract.contractorId,
      action: 'contract.document_removed',
      entityType: 'contract',
      entityId: contractId,
      before: { fileId },
      ip: ctx.ip,
    });
  });
  return getContract(db, ctx, contractId);
}
