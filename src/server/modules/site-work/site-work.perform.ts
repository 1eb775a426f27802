import type { Readable } from 'node:stream';
import { missingForPerform } from '../../../shared/domain/site-work.ts';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { performSchema } from '../../../shared/schemas/site-work.schema.ts';
import type { RequestContext } from '../../access/actor.ts';
import { scoped } from '../../access/scoped.ts';
import { scopes } from '../../access/scopes.ts';
import { recordAudit } from '../../audit/audit.writer.ts';
import type { Db, Executor } from '../../db/client.ts';
import { files, jobDocuments, jobSignoffs } from '../../db/schema/index.ts';
import { readTogether, runInTransaction } from '../../db/transaction.ts';
import { AppError } from '../../lib/errors.ts';
import { createId } from '../../lib/ids.ts';
import type { Storage } from '../../lib/storage.ts';
import { recordGeneratedFile, storeGeneratedBytes } from '../files/files.service.ts';
import { fireJobEvent } from '../jobs/jobs.events.ts';
import { jobLabel, tellJobContractor } from '../jobs/jobs.notify.ts';
import { decodeSignaturePng, isEmbeddableImage } from './site-work.images.ts';
import { isSafeToDraw } from '../../lib/png.check.ts';
import { getSiteSheet, readJobParties, readLatestSignoff, readSiteTasks, readSiteVisits } from './site-work.queries.ts';
import { renderJobReportPdf } from './site-work.report.ts';
import { assertStillMember, deviceMoment, endVisit, lockSiteJob } from './site-work.service.ts';

/** Photos larger than this are named in the report, not embedded (the phone scales them well below it). */
const MAX_EMBEDDED_PHOTO_BYTES = 4 * 1024 * 1024;
/** The photos a report embeds, in all: past it, further photos are named, so a report stays a size people can mail. */
const MAX_REPORT_PHOTO_BYTES = 40 * 1024 * 1024;

async function readAll(stream: Readable, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      stream.destroy();
      return null;
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * "I've performed this work": in_progress → performed_need_docs, with the notes and the
 * signatures (each a PNG of at most 1 MB, checked from its bytes, always sent explicitly: a saved
 * signature is never applied by itself). Refused with 400 naming each required result or photo
 * still missing. The job report is generated and attached to the job as it reaches the state.
 */
export async function performWork(db: Db, storage: Storage, ctx: RequestContext, id: string, input: z.output<typeof performSchema>) {
  assertStillMember(ctx);
  const technicianPng = await decodeSignaturePng('technician.signaturePng', input.technician.signaturePng);
  const contactPng = input.siteContact ? await decodeSignaturePng('siteContact.signaturePng', input.siteContact.signaturePng) : null;
  const performedAt = deviceMoment('at', input.at);
  const technicianSignedAt = deviceMoment('technician.signedAt', input.technician.signedAt, performedAt);
  const contactSignedAt = input.siteContact ? deviceMoment('siteContact.signedAt', input.siteContact.signedAt, performedAt) : null;
  // Bytes go to storage before the transaction (content-addressed: an unused copy is harmless).
  const storedTechnician = await storeGeneratedBytes(storage, technicianPng);
  const storedContact = contactPng ? await storeGeneratedBytes(storage, contactPng) : null;
  const signoffId = await runInTransaction(db, async (tx) => {
    const { job, abilities } = await lockSiteJob(tx, ctx, id);
    if (abilities.perform) {
      const tasks = await readSiteTasks(tx, ctx.actor, job.id);
      const missing = missingForPerform(tasks.map((t) => ({ ...t, photoCount: t.photoList.length })));
      if (missing.length > 0)
        throw new AppError(
          'VALIDATION_FAILED',
          `This work cannot be marked performed yet: ${missing.length} required ${missing.length === 1 ? 'answer is' : 'answers are'} missing. ${missing.map((m) => m.message).join(' ')}`,
          { fieldErrors: missing.map((m) => ({ path: `tasks.${m.position}.${m.what}`, message: m.message })) },
        );
    }
    const row = await fireJobEvent(tx, ctx, id, 'perform', { note: input.notes });
    await endVisit(tx, row.id, 'performed', performedAt, null);
    const parties = { organizationId: row.organizationId, contractorId: row.contractorId, mime: 'image/png' };
    const technicianFile = await recordGeneratedFile(tx, ctx, storedTechnician, {
      ...parties,
      name: `job-${row.number}-technician-signature.png`,
    });
    const contactFile = storedContact
      ? await recordGeneratedFile(tx, ctx, storedContact, { ...parties, name: `job-${row.number}-site-contact-signature.png` })
      : null;
    const technicianName = input.technician.name ?? ctx.user.name;
    const newId = createId();
    await tx.insert(jobSignoffs).values({
      id: newId,
      jobId: row.id,
      organizationId: row.organizationId,
      contractorId: row.contractorId,
      notes: input.notes || null,
      signedByUserId: ctx.user.id,
      technicianName,
      technicianSignatureFileId: technicianFile.id,
      technicianSignedAt,
      siteContactName: input.siteContact?.name ?? null,
      siteContactSignatureFileId: contactFile?.id ?? null,
      siteContactSignedAt: contactSignedAt,
      performedAt,
    });
    await recordAudit(tx, {
      actorUserId: ctx.user.id,
      organizationId: row.organizationId,
      contractorId: row.contractorId,
      action: 'job.signed_off',
      entityType: 'job',
      entityId: row.id,
      after: {
        signoffId: newId,
        technicianName,
        technicianSignedAt: technicianSignedAt.toISOString(),
        siteContactName: input.siteContact?.name ?? null,
        recordedBy: ctx.actor.kind === 'technician' ? 'technician' : 'office',
      },
      ip: ctx.ip,
    });
    await tellJobContractor(
      tx,
      row,
      'job.performed_on_site',
      `Performed on site: ${jobLabel(row)}`,
      `${technicianName} signed the work off. Complete the job with its documents.`,
    );
    return newId;
  });
  await ensureJobReport(db, storage, ctx, id, signoffId);
  return getSiteSheet(db, ctx, id);
}

/** Everything the report shows, read through the actor's scope. */
async function readReportInput(db: Executor, storage: Storage, ctx: RequestContext, jobId: string) {
  const job = await scoped(db, ctx.actor).jobs.get(jobId, 'This job');
  const latest = await readLatestSignoff(db, ctx.actor, jobId);
  if (!latest) throw new AppError('NOT_FOUND', 'This job has no report yet: it is made when the work is performed.');
  const [[names], tasks, visits, signatures] = await readTogether(
    db,
    () => readJobParties(db, job),
    () => readSiteTasks(db, ctx.actor, jobId),
    () => readSiteVisits(db, ctx.actor, jobId),
    () =>
      db
        .select({ id: files.id, sha256: files.sha256 })
        .from(files)
        .where(
          and(
            eq(files.organizationId, job.organizationId),
            eq(files.contractorId, job.contractorId),
            inArray(
              files.id,
              [latest.signoff.technicianSignatureFileId, latest.signoff.siteContactSignatureFileId].filter((f): f is string => f !== null),
            ),
          ),
        ),
  );
  let budget = MAX_REPORT_PHOTO_BYTES;
  /** Whether a photo is embedded: a JPEG or PNG within the per-photo limit and the report's total (taken in task order). */
  const embeds = (p: { mime: string; size: number }) => {
    if (!isEmbeddableImage(p.mime) || p.size > MAX_EMBEDDED_PHOTO_BYTES || p.size > budget) return false;
    budget -= p.size;
    return true;
  };
  /** A stored picture's bytes, or null: none stored, or a PNG that pdfkit could not draw without ending the process. */
  const bytesOf = async (sha256: string | undefined, limit: number) => {
    const bytes = sha256 ? await readAll(storage.read(sha256), limit) : null;
    return bytes && (await isSafeToDraw(bytes)) ? bytes : null;
  };
  const signatureSha = (fileId: string | null) => signatures.find((s) => s.id === fileId)?.sha256;
  const s = latest.signoff;
  return {
    signoffId: s.id,
    job,
    input: {
      job,
      organizationName: names?.organizationName ?? '',
      contractorName: names?.contractorName ?? '',
      visits: visits.map(({ visit, by }) => ({ ...visit, by })),
      tasks: await Promise.all(
        tasks.map(async (t) => ({
          ...t,
          answeredAt: t.answeredAt ? new Date(t.answeredAt) : null,
          photos: await Promise.all(
            t.photoList.map(async (p) => ({
              name: p.name,
              mime: p.mime,
              takenAt: new Date(p.takenAt),
              bytes: embeds(p) ? await bytesOf(p.sha256, MAX_EMBEDDED_PHOTO_BYTES) : null,
            })),
          ),
        })),
      ),
      signoff: {
        notes: s.notes,
        technicianName: s.technicianName,
        technicianSignedAt: s.technicianSignedAt,
        technicianSignature: (await bytesOf(signatureSha(s.technicianSignatureFileId), 2 * 1024 * 1024)) ?? Buffer.alloc(0),
        siteContactName: s.siteContactName,
        siteContactSignedAt: s.siteContactSignedAt,
        siteContactSignature: s.siteContactSignatureFileId
          ? await bytesOf(signatureSha(s.siteContactSignatureFileId), 2 * 1024 * 1024)
          : null,
        performedAt: s.performedAt,
        recordedBy: latest.by ?? 'someone',
      },
      generatedAt: new Date(),
    },
  };
}

/**
 * The report of the job's newest sign-off: generated and attached (a job document of the
 * contractor's side, kind `report`) if it is not yet; answers its file row. Made right after
 * "performed" commits; a download makes it if that step did not finish.
 */
export async function ensureJobReport(db: Db, storage: Storage, ctx: RequestContext, jobId: string, signoffId?: string) {
  const latest = await readLatestSignoff(db, ctx.actor, jobId);
  if (!latest) throw new AppError('NOT_FOUND', 'This job has no report yet: it is made when the work is performed.');
  if (latest.report && (!signoffId || latest.signoff.id === signoffId)) return latest.report;
  const { input, job, signoffId: forSignoff } = await readReportInput(db, storage, ctx, jobId);
  const bytes = await renderJobReportPdf(input);
  const stored = await storeGeneratedBytes(storage, bytes);
  return runInTransaction(db, async (tx) => {
    const [signoff] = await tx
      .select()
      .from(jobSignoffs)
      .where(and(eq(jobSignoffs.id, forSignoff), scopes.jobSignoffs(ctx.actor)))
      .for('update');
    if (!signoff) throw new AppError('NOT_FOUND', 'This job has no report yet: it is made when the work is performed.');
    if (signoff.reportFileId) {
      const [existing] = await tx.select().from(files).where(eq(files.id, signoff.reportFileId));
      if (existing) return existing;
    }
    const file = await recordGeneratedFile(tx, ctx, stored, {
      organizationId: job.organizationId,
      contractorId: job.contractorId,
      mime: 'application/pdf',
      name: `job-${job.number}-service-report.pdf`,
    });
    await tx.insert(jobDocuments).values({
      id: createId(),
      jobId: job.id,
      organizationId: job.organizationId,
      contractorId: job.contractorId,
      fileId: file.id,
      side: 'contractor',
      kind: 'report',
      addedByUserId: ctx.user.id,
    });
    await tx
      .update(jobSignoffs)
      .set({ reportFileId: file.id })
      .where(and(eq(jobSignoffs.id, signoff.id), isNull(jobSignoffs.reportFileId)));
    return file;
  });
}

/** The job report for download: both parties and the technicians of the job (404 for anyone else, or before it exists). */
export async function openJobReport(db: Db, storage: Storage, ctx: RequestContext, jobId: string) {
  const file = await ensureJobReport(db, storage, ctx, jobId);
  return { file, stream: storage.read(file.sha256) };
}
