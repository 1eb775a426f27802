import type { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import type { Actor, RequestContext } from '../../access/actor.ts';
import { scopes } from '../../access/scopes.ts';
import { recordAudit } from '../../audit/audit.writer.ts';
import type { Db, Tx } from '../../db/client.ts';
import { files, sitePreferences } from '../../db/schema/index.ts';
import { runInTransaction } from '../../db/transaction.ts';
import { forbidden } from '../../lib/errors.ts';
import { createId } from '../../lib/ids.ts';
import type { Storage } from '../../lib/storage.ts';
import { recordGeneratedFile, storeGeneratedBytes } from '../files/files.service.ts';
import { decodeSignaturePng } from './site-work.images.ts';

type Person = Extract<Actor, { kind: 'contractor' | 'technician' }>;

/** Preferences belong to a contractor's people: its members and its technicians. */
function personOf(actor: Actor): Person {
  if (actor.kind === 'contractor' || actor.kind === 'technician') return actor;
  throw forbidden('A mobile number and a saved signature are kept for contractor members and technicians.');
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The caller's preferences: the mobile number and the saved signature (base64 PNG), each null when not set. */
export async function getPreferences(db: Db, storage: Storage, ctx: RequestContext) {
  const person = personOf(ctx.actor);
  const [row] = await db
    .select({ mobile: sitePreferences.mobile, savedAt: sitePreferences.signatureSavedAt, sha256: files.sha256 })
    .from(sitePreferences)
    .leftJoin(files, eq(files.id, sitePreferences.signatureFileId))
    .where(scopes.sitePreferences(person));
  const png = row?.sha256 ? (await readAll(storage.read(row.sha256))).toString('base64') : null;
  return {
    mobile: row?.mobile ?? null,
    signature: png && row?.savedAt ? { png, savedAt: row.savedAt.toISOString() } : null,
  };
}

/** Inserts or updates the caller's row (one per person and contractor) with the given columns. */
async function upsert(tx: Tx, person: Person, set: Partial<typeof sitePreferences.$inferInsert>) {
  const now = new Date();
  await tx
    .insert(sitePreferences)
    .values({ id: createId(), userId: person.userId, contractorId: person.contractorId, ...set, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: [sitePreferences.userId, sitePreferences.contractorId], set: { ...set, updatedAt: now } });
}

async function audit(tx: Tx, ctx: RequestContext, person: Person, action: string, after: Record<string, unknown>) {
  await recordAudit(tx, {
    actorUserId: ctx.user.id,
    contractorId: person.contractorId,
    action,
    entityType: 'site_preferences',
    entityId: ctx.user.id,
    after,
    ip: ctx.ip,
  });
}

/** The caller's row, locked (undefined before anything was set). */
async function lockOwn(tx: Tx, person: Person) {
  const [row] = await tx.select().from(sitePreferences).where(scopes.sitePreferences(person)).for('update');
  return row;
}

/** Sets (or clears, with null) the caller's mobile number; the same number again changes nothing. */
export async function putMobile(db: Db, storage: Storage, ctx: RequestContext, mobile: string | null) {
  const person = personOf(ctx.actor);
  await runInTransaction(db, async (tx) => {
    if (((await lockOwn(tx, person))?.mobile ?? null) === mobile) return;
    await upsert(tx, person, { mobile });
    await audit(tx, ctx, person, 'preferences.mobile_set', { mobile });
  });
  return getPreferences(db, storage, ctx);
}

/** Saves the caller's signature (a PNG of at most 1 MB, checked from its bytes) as a file of their contractor. */
export async function putSavedSignature(db: Db, storage: Storage, ctx: RequestContext, signaturePng: string) {
  const person = personOf(ctx.actor);
  const bytes = await decodeSignaturePng('signaturePng', signaturePng);
  const stored = await storeGeneratedBytes(storage, bytes);
  await runInTransaction(db, async (tx) => {
    const file = await recordGeneratedFile(tx, ctx, stored, {
      organizationId: null,
      contractorId: person.contractorId,
      mime: 'image/png',
      name: 'saved-signature.png',
    });
    await upsert(tx, person, { signatureFileId: file.id, signatureSavedAt: new Date() });
    await audit(tx, ctx, person, 'preferences.signature_saved', { fileId: file.id, size: stored.size });
  });
  return getPreferences(db, storage, ctx);
}

/** Forgets the caller's saved signature (the file stays on the record); with none saved, nothing changes. */
export async function deleteSavedSignature(db: Db, storage: Storage, ctx: RequestContext) {
  const person = personOf(ctx.actor);
  await runInTransaction(db, async (tx) => {
    if (!(await lockOwn(tx, person))?.signatureFileId) return;
    await upsert(tx, person, { signatureFileId: null, signatureSavedAt: null });
    await audit(tx, ctx, person, 'preferences.signature_removed', {});
  });
  return getPreferences(db, storage, ctx);
}
