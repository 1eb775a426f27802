import { eq } from 'drizzle-orm';
import type { RequestContext } from '../../access/actor.ts';
import { noteAbilities } from '../../access/message.policies.ts';
import { scoped } from '../../access/scoped.ts';
import { recordAudit } from '../../audit/audit.writer.ts';
import type { Db } from '../../db/client.ts';
import { internalNotes } from '../../db/schema/index.ts';
import { runInTransaction } from '../../db/transaction.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import { createId } from '../../lib/ids.ts';
import type { PageRequest } from '../../lib/pagination.ts';
import { announceNote } from './messages.live.ts';
import { namesOf } from './messages.presenter.ts';
import { openThread } from './messages.threads.ts';

type NoteRow = typeof internalNotes.$inferSelect;

const NOTES = 'These notes';

/** Internal notes are the staff's: anyone else is told they do not exist (404), as for any record outside their scope. */
async function openNotes(db: Db, ctx: RequestContext, id: string) {
  if (ctx.actor.kind !== 'staff') throw notFound(NOTES);
  return openThread(db, ctx.actor, id);
}

async function presentNotes(db: Db, rows: NoteRow[]) {
  const names = await namesOf(
    db,
    rows.map((r) => r.authorUserId),
  );
  return rows.map((r) => ({
    id: r.id,
    author: { id: r.authorUserId, name: names.get(r.authorUserId) ?? 'Someone' },
    body: r.body,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** The staff's notes on an engagement, newest first. */
export async function listNotes(db: Db, ctx: RequestContext, id: string, page: PageRequest) {
  const thread = await openNotes(db, ctx, id);
  const result = await scoped(db, ctx.actor).internalNotes.page({ where: eq(internalNotes.engagementId, thread.id), ...page });
  return { items: await presentNotes(db, result.items), nextCursor: result.nextCursor };
}

/**
 * A note for the staff only. Its audit event names the organization and NOT the contractor, so the
 * contractor's audit trail never shows it; nobody is notified (no email, no live event to anyone else).
 */
export async function postNote(db: Db, ctx: RequestContext, id: string, input: { body: string }) {
  const thread = await openNotes(db, ctx, id);
  if (!noteAbilities(ctx.actor).post) throw forbidden('Viewers read internal notes; they do not write them.');
  const row = await runInTransaction(db, async (tx) => {
    const [note] = await tx
      .insert(internalNotes)
      .values({
        id: createId(),
        engagementId: thread.id,
        organizationId: thread.organizationId,
        contractorId: thread.contractorId,
        authorUserId: ctx.user.id,
        body: input.body,
      })
      .returning();
    if (!note) throw new Error('note insert returned nothing');
    await recordAudit(tx, {
      actorUserId: ctx.user.id,
      organizationId: thread.organizationId,
      contractorId: null,
      action: 'internal_note.added',
      entityType: 'internal_note',
      entityId: note.id,
      after: { engagementId: thread.id, body: note.body },
      ip: ctx.ip,
    });
    await announceNote(tx, note);
    return note;
  });
  const [view] = await presentNotes(db, [row]);
  return view as NonNullable<typeof view>;
}
