import { z } from 'zod';
import { MESSAGE_MAX_ATTACHMENTS, MESSAGE_MAX_LENGTH, messageSides, messageSubjectKinds, parseMessageSubject } from '../domain/messages.ts';
import { idSchema, pageQuerySchema } from './common.schema.ts';

/** A message's text: not blank, at most 10,000 characters (kept as written: line breaks matter). */
export const messageBodySchema = z
  .string()
  .max(MESSAGE_MAX_LENGTH, `A message has at most ${MESSAGE_MAX_LENGTH.toLocaleString('en-US')} characters.`)
  .refine((body) => body.trim().length > 0, 'Write something first: the message is empty.');

export const messageSubjectSchema = z.object({ kind: z.enum(messageSubjectKinds), id: idSchema }).strict();

export const postMessageSchema = z
  .object({
    body: messageBodySchema,
    subject: messageSubjectSchema.optional(),
    fileIds: z.array(idSchema).max(MESSAGE_MAX_ATTACHMENTS).default([]),
  })
  .strict();

export const editMessageSchema = z.object({ body: messageBodySchema }).strict();

export const postNoteSchema = z.object({ body: messageBodySchema }).strict();

/** `?subject=job:<id>` filters a thread to the messages about one record; `q` searches the text. */
export const messageListQuerySchema = pageQuerySchema
  .extend({
    subject: z
      .string()
      .max(80)
      .refine(
        (value) => parseMessageSubject(value) !== null,
        'Name a record as kind:id, the kind one of contract, milestone, payment, invoice, job.',
      )
      .optional(),
    q: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

export const messageAttachmentSchema = z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number() });

export const messageSchema = z.object({
  id: z.string(),
  threadId: z.string(),
  author: z.object({ id: z.string(), name: z.string() }),
  side: z.enum(messageSides),
  mine: z.boolean(),
  /** Empty once deleted. */
  body: z.string(),
  subject: z.object({ kind: z.enum(messageSubjectKinds), id: z.string(), label: z.string() }).nullable(),
  attachments: z.array(messageAttachmentSchema),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  deletedAt: z.string().nullable(),
  version: z.number().int(),
  abilities: z.object({ edit: z.boolean(), delete: z.boolean() }),
});

export const threadSchema = z.object({
  id: z.string(),
  engagementId: z.string(),
  /** The other party: the contractor for the company, the organization for the contractor. */
  counterpartName: z.string(),
  lastMessageAt: z.string().nullable(),
  unread: z.number().int(),
  abilities: z.object({ post: z.boolean(), internalNotes: z.boolean() }),
});

export const unreadTotalSchema = z.object({ unread: z.number().int() });

export const noteSchema = z.object({
  id: z.string(),
  author: z.object({ id: z.string(), name: z.string() }),
  body: z.string(),
  createdAt: z.string(),
});

export const threadParamsSchema = z.object({ id: idSchema }).strict();

/** The thread list; `jobId` narrows it to the thread of that job's engagement (a technician's job page). */
export const threadListQuerySchema = pageQuerySchema.extend({ jobId: idSchema.optional() }).strict();
