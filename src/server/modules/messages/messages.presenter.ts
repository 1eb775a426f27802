import { asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { messageSchema } from '../../../shared/schemas/message.schema.ts';
import type { Actor } from '../../access/actor.ts';
import { messageAbilities } from '../../access/message.policies.ts';
import type { Executor } from '../../db/client.ts';
import { files, messageAttachments, type messages, users } from '../../db/schema/index.ts';
import { readTogether } from '../../db/transaction.ts';
import { labelSubjects } from './messages.subjects.ts';

export type MessageRow = typeof messages.$inferSelect;
export type MessageView = z.infer<typeof messageSchema>;

/** Names of people by id, in one query. */
export async function namesOf(tx: Executor, userIds: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const rows = await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Messages as the API answers them: author names, attachments and subject labels read in one
 * query each for the whole page. A deleted message keeps its place with an empty body and no files.
 */
export async function presentMessages(
  tx: Executor,
  actor: Actor,
  thread: { organizationId: string; contractorId: string },
  rows: MessageRow[],
  now = new Date(),
): Promise<MessageView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [names, attached, labels] = await readTogether(
    tx,
    () =>
      namesOf(
        tx,
        rows.map((r) => r.authorUserId),
      ),
    () =>
      tx
        .select({ messageId: messageAttachments.messageId, id: files.id, name: files.name, mime: files.mime, size: files.size })
        .from(messageAttachments)
        .innerJoin(files, eq(files.id, messageAttachments.fileId))
        .where(inArray(messageAttachments.messageId, ids))
        .orderBy(asc(messageAttachments.position)),
    () =>
      labelSubjects(
        tx,
        thread,
        rows.flatMap((r) => (r.subjectKind && r.subjectId ? [{ kind: r.subjectKind, id: r.subjectId }] : [])),
      ),
  );
  const filesOf = new Map<string, MessageView['attachments']>();
  for (const { messageId, ...file } of attached) filesOf.set(messageId, [...(filesOf.get(messageId) ?? []), file]);
  return rows.map((row) => {
    const deleted = row.deletedAt !== null;
    const subject =
      row.subjectKind && row.subjectId
        ? {
            kind: row.subjectKind,
            id: row.subjectId,
            label: labels.get(`${row.subjectKind}:${row.subjectId}`) ?? `${row.subjectKind[0]?.toUpperCase()}${row.subjectKind.slice(1)}`,
          }
        : null;
    return {
      id: row.id,
      threadId: row.threadId,
      author: { id: row.authorUserId, name: names.get(row.authorUserId) ?? 'Someone' },
      side: row.side,
      mine: row.authorUserId === actor.userId,
      body: deleted ? '' : row.body,
      subject,
      attachments: deleted ? [] : (filesOf.get(row.id) ?? []),
      createdAt: row.createdAt.toISOString(),
      editedAt: row.editedAt?.toISOString() ?? null,
      deletedAt: row.deletedAt?.toISOString() ?? null,
      version: row.version,
      abilities: messageAbilities(actor, row, now),
    };
  });
}
