import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamsSchema, okSchema, pageOf, pageQuerySchema } from '../../../shared/schemas/common.schema.ts';
import {
  editMessageSchema,
  messageListQuerySchema,
  messageSchema,
  noteSchema,
  postMessageSchema,
  postNoteSchema,
  threadListQuerySchema,
  threadSchema,
  unreadTotalSchema,
} from '../../../shared/schemas/message.schema.ts';
import type { Db } from '../../db/client.ts';
import { contextOf } from '../../http/route-auth.plugin.ts';
import { expectedVersionOf } from '../../http/versions.plugin.ts';
import { listNotes, postNote } from './messages.notes.ts';
import { countUnread, getThread, listMessages, listThreads, markThreadRead } from './messages.queries.ts';
import { deleteMessage, editMessage, postMessageRequest } from './messages.service.ts';

const tags = ['messages'];

export function registerMessageRoutes(app: FastifyInstance, deps: { db: Db }): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const session = { auth: 'session' as const };

  typed.get(
    '/api/threads',
    {
      config: session,
      schema: {
        tags,
        summary: 'Message threads (one per engagement; its id is the engagement id), newest engagement first, each with its unread count',
        querystring: threadListQuerySchema,
        response: { 200: pageOf(threadSchema) },
      },
    },
    async (request) => listThreads(deps.db, contextOf(request), request.query),
  );

  typed.get(
    '/api/threads/unread',
    {
      config: session,
      schema: {
        tags,
        summary: 'Unread messages in every thread the person reads (the navigation badge)',
        response: { 200: unreadTotalSchema },
      },
    },
    async (request) => countUnread(deps.db, contextOf(request)),
  );

  typed.get(
    '/api/threads/:id',
    {
      config: session,
      schema: {
        tags,
        summary: "One thread: the other party, the unread count, the person's abilities",
        params: idParamsSchema,
        response: { 200: threadSchema },
      },
    },
    async (request) => getThread(deps.db, contextOf(request), request.params.id),
  );

  typed.get(
    '/api/threads/:id/messages',
    {
      config: session,
      schema: {
        tags,
        summary:
          'A thread’s messages, newest first, a page at a time; `subject=job:<id>` (contract, milestone, payment, invoice, job) filters to one record, `q` searches the text',
        params: idParamsSchema,
        querystring: messageListQuerySchema,
        response: { 200: pageOf(messageSchema) },
      },
    },
    async (request) => listMessages(deps.db, contextOf(request), request.params.id, request.query),
  );

  typed.post(
    '/api/threads/:id/messages',
    {
      config: { ...session, idempotent: true },
      schema: {
        tags,
        summary:
          'Post a message (plain text, up to 10,000 characters), optionally about a record of the engagement and with files uploaded first (POST /api/files?engagementId=…); send an Idempotency-Key',
        params: idParamsSchema,
        body: postMessageSchema,
        response: { 201: messageSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await postMessageRequest(deps.db, contextOf(request), request.params.id, request.body)),
  );

  typed.post(
    '/api/threads/:id/read',
    {
      config: session,
      schema: { tags, summary: 'Mark the thread read up to its newest message', params: idParamsSchema, response: { 200: okSchema } },
    },
    async (request) => markThreadRead(deps.db, contextOf(request), request.params.id),
  );

  typed.patch(
    '/api/messages/:id',
    {
      config: { ...session, versioned: 'edit' },
      schema: {
        tags,
        summary: 'Edit your own message within 10 minutes of posting it (If-Match: its version)',
        params: idParamsSchema,
        body: editMessageSchema,
        response: { 200: messageSchema },
      },
    },
    async (request) => editMessage(deps.db, contextOf(request), request.params.id, request.body, expectedVersionOf(request)),
  );

  typed.delete(
    '/api/messages/:id',
    {
      config: session,
      schema: {
        tags,
        summary: 'Delete your own message: a "deleted" mark stays in the thread; the audit trail keeps the text',
        params: idParamsSchema,
        response: { 200: messageSchema },
      },
    },
    async (request) => deleteMessage(deps.db, contextOf(request), request.params.id),
  );

  typed.get(
    '/api/threads/:id/notes',
    {
      config: session,
      schema: {
        tags,
        summary: "The staff's internal notes on an engagement, newest first (staff only: never shown to the contractor)",
        params: idParamsSchema,
        querystring: pageQuerySchema,
        response: { 200: pageOf(noteSchema) },
      },
    },
    async (request) => listNotes(deps.db, contextOf(request), request.params.id, request.query),
  );

  typed.post(
    '/api/threads/:id/notes',
    {
      config: { ...session, idempotent: true },
      schema: {
        tags,
        summary: 'Write an internal note on an engagement (staff but viewers; only staff ever see it)',
        params: idParamsSchema,
        body: postNoteSchema,
        response: { 201: noteSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await postNote(deps.db, contextOf(request), request.params.id, request.body)),
  );
}
