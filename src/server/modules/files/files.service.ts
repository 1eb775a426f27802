import { Readable } from 'node:stream';
import type { Actor, RequestContext } from '../../access/actor.ts';
import { scoped } from '../../access/scoped.ts';
import type { Db, Executor } from '../../db/client.ts';
import { files } from '../../db/schema/index.ts';
import { runInTransaction } from '../../db/transaction.ts';
import { AppError, badField, forbidden } from '../../lib/errors.ts';
import { createId } from '../../lib/ids.ts';
import type { Storage } from '../../lib/storage.ts';
import { recordAudit } from '../../audit/audit.writer.ts';
import { proofMimeTypes } from '../../../shared/domain/payment.rules.ts';

/** Types a browser may show inline; everything else is only ever downloaded. */
const inlineSafe = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf']);

/** The type from the bytes, never from the name: an executable named .pdf stays an executable. */
export async function detectMime(head: Buffer): Promise<{ mime: string; ext: string | null }> {
  // file-type loads on the first upload, not at every start.
  const { fileTypeFromBuffer } = await import('file-type');
  const found = await fileTypeFromBuffer(head);
  if (found) return { mime: found.mime, ext: found.ext };
  const text = head.toString('utf8');
  if (head.length > 0 && !head.includes(0) && !text.includes('\uFFFD')) return { mime: 'text/plain', ext: 'txt' };
  return { mime: 'application/octet-stream', ext: null };
}

/** A safe download name: the uploaded base name, cleaned, with the extension of the real type. */
export function chooseFileName(original: string, ext: string | null): string {
  const base = original
    .replace(/\.[^.]*$/, '')
    .replace(/[^\p{L}\p{N} ._-]+/gu, '_')
    .replace(/^[.\s]+/, '')
    .slice(0, 100);
  return `${base || 'file'}${ext ? `.${ext}` : ''}`;
}

export function presentFile(row: typeof files.$inferSelect) {
  return { id: row.id, name: row.name, mime: row.mime, size: row.size, sha256: row.sha256, createdAt: row.createdAt.toISOString() };
}

/** What an upload may be: anything, or only an image or a PDF (a proof of payment, an invoice). */
export type UploadAccept = 'any' | 'image-or-pdf';

const imageOrPdf: ReadonlySet<string> = new Set(proofMimeTypes);

/** True for the types a proof of payment may have (detected from the bytes). */
export function isImageOrPdf(mime: string): boolean {
  return imageOrPdf.has(mime);
}

export async function uploadFile(
  db: Db,
  storage: Storage,
  ctx: RequestContext,
  upload: { stream: Readable; filename: string; engagementId?: string; maxBytes: number; accept?: UploadAccept },
) {
  const actor = ctx.actor;
  if (actor.kind === 'none') throw forbidden('Join an organization or a contractor before uploading files.');
  if (actor.kind === 'staff' && actor.role === 'viewer') throw forbidden('Viewers cannot upload files.');
  let organizationId: string | null = actor.kind === 'staff' ? actor.organizationId : null;
  let contractorId: string | null = actor.kind === 'staff' ? null : actor.contractorId;
  if (upload.engagementId) {
    const engagement = await scoped(db, actor).engagements.get(upload.engagementId, 'This engagement');
    if (engagement.status === 'invited') throw badField('engagementId', 'The contractor has not accepted the invitation yet.');
    organizationId = engagement.organizationId;
    contractorId = engagement.contractorId;
  }
  const check =
    upload.accept === 'image-or-pdf'
      ? async (head: Buffer) => {
          if (!isImageOrPdf((await detectMime(head)).mime)) throw badField('file', 'Upload an image (PNG, JPEG, GIF, WebP) or a PDF.');
        }
      : undefined;
  const stored = await storage.put(upload.stream, { maxBytes: upload.maxBytes, check });
  if (stored.size === 0)
    throw new AppError('VALIDATION_FAILED', 'file: the file is empty.', { fieldErrors: [{ path: 'file', message: 'The file is empty.' }] });
  const { mime, ext } = await detectMime(stored.head);
  return runInTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(files)
      .values({
        id: createId(),
        organizationId,
        contractorId,
        uploadedByUserId: ctx.user.id,
        sha256: stored.sha256,
        size: stored.size,
        mime,
        name: chooseFileName(upload.filename, ext),
      })
      .returning();
    if (!row) throw new Error('file insert returned nothing');
    await recordAudit(tx, {
      actorUserId: ctx.user.id,
      organizationId,
      contractorId,
      action: 'file.uploaded',
      entityType: 'file',
      entityId: row.id,
      after: { name: row.name, mime, size: row.size, sha256: row.sha256 },
      ip: ctx.ip,
    });
    return presentFile(row);
  });
}

export async function getFile(db: Db, ctx: RequestContext, id: string) {
  return presentFile(await scoped(db, ctx.actor).files.get(id, 'This file'));
}

export async function openFile(db: Db, storage: Storage, ctx: RequestContext, id: string, inline: boolean) {
  const row = await scoped(db, ctx.actor).files.get(id, 'This file');
  return {
    file: presentFile(row),
    stream: storage.read(row.sha256),
    disposition: inline && inlineSafe.has(row.mime) ? 'inline' : 'attachment',
  };
}

/** A file may join a record only if it was uploaded for that record's organization and contractor. */
export async function readAttachableFile(
  tx: Executor,
  actor: Actor,
  fileId: string,
  owner: { organizationId: string; contractorId: string },
) {
  const file = await scoped(tx, actor).files.find(fileId);
  if (!file) throw badField('fileId', 'This file was not found.');
  if (file.organizationId !== owner.organizationId || file.contractorId !== owner.contractorId)
    throw badField('fileId', 'Upload the file for this engagement first (POST /api/files?engagementId=…).');
  return file;
}

/**
 * A file Portico made (a generated invoice PDF): the bytes go to storage first (outside any
 * transaction), then `recordGeneratedFile` adds its row in the caller's transaction.
 */
export async function storeGeneratedBytes(storage: Storage, bytes: Buffer) {
  return storage.put(Readable.from([bytes]));
}

const generatedExtensions: Record<string, string> = { 'application/pdf': 'pdf', 'image/png': 'png' };

export async function recordGeneratedFile(
  tx: Executor,
  ctx: RequestContext,
  stored: { sha256: string; size: number },
  file: { organizationId: string | null; contractorId: string; mime: string; name: string },
) {
  const [row] = await tx
    .insert(files)
    .values({
      id: createId(),
      organizationId: file.organizationId,
      contractorId: file.contractorId,
      uploadedByUserId: ctx.user.id,
      sha256: stored.sha256,
      size: stored.size,
      mime: file.mime,
      name: chooseFileName(file.name, generatedExtensions[file.mime] ?? null),
    })
    .returning();
  if (!row) throw new Error('file insert returned nothing');
  await recordAudit(tx, {
    actorUserId: ctx.user.id,
    organizationId: file.organizationId,
    contractorId: file.contractorId,
    action: 'file.generated',
    entityType: 'file',
    entityId: row.id,
    after: { name: row.name, mime: row.mime, size: row.size, sha256: row.sha256 },
    ip: ctx.ip,
  });
  return row;
}

/**
 * The same bytes as another record's file, for other parties: one proof uploaded for a batch
 * becomes each payment's own file (its organization and contractor), so each contractor reads it
 * through its own scope. Storage is content-addressed: no bytes are copied.
 */
export async function copyFileFor(
  tx: Executor,
  source: typeof files.$inferSelect,
  parties: Array<{ organizationId: string; contractorId: string }>,
  byUserId: string,
): Promise<string[]> {
  if (parties.length === 0) return [];
  const rows = await tx
    .insert(files)
    .values(
      parties.map((p) => ({
        id: createId(),
        organizationId: p.organizationId,
        contractorId: p.contractorId,
        uploadedByUserId: byUserId,
        sha256: source.sha256,
        size: source.size,
        mime: source.mime,
        name: source.name,
      })),
    )
    .returning({ id: files.id });
  return rows.map((r) => r.id);
}
