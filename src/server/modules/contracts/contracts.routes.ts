import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, idSchema, pageOf } from '../../../shared/schemas/common.schema.ts';
import {
  attachFileSchema,
  contractListItemSchema,
  contractListQuerySchema,
  contractRevisionSchema,
  contractSchema,
  createContractSchema,
  renewContractSchema,
  updateContractSchema,
} from '../../../shared/schemas/contract.schema.ts';
import type { Db } from '../../db/client.ts';
import { contextOf } from '../../http/route-auth.plugin.ts';
import { expectedVersionOf } from '../../http/versions.plugin.ts';
import {
  acknowledgeRevision,
  addContractDocument,
  changeContractStatus,
  createContract,
  removeContractDocument,
  renewContract,
  updateContract,
} from './contracts.service.ts';
import { getContract, listContracts, listRevisions } from './contracts.queries.ts';

const tags = ['contracts'];
const revisionsSchema = z.object({ items: z.array(contractRevisionSchema) });

export function registerContractRoutes(app: FastifyInstance, deps: { db: Db }): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const session = { auth: 'session' as const };

  typed.get(
    '/api/contracts',
    {
      config: session,
      schema: {
        tags,
        summary:
          'Contracts: the organization’s (staff) or the contractor’s, across every organization that engages it; recently changed first, a page at a time',
        querystring: contractListQuerySchema,
        response: { 200: pageOf(contractListItemSchema).extend({ abilities: z.object({ create: z.boolean() }) }) },
      },
    },
    async (request) => listContracts(deps.db, contextOf(request), request.query),
  );

  typed.post(
    '/api/contracts',
    {
      config: session,
      schema: { tags, summary: 'Create a draft contract on an engagement', body: createContractSchema, response: { 201: contractSchema } },
    },
    async (request, reply) => reply.status(201).send(await createContract(deps.db, contextOf(request), request.body)),
  );

  typed.get(
    '/api/contracts/:id',
    {
      config: { ...session, versioned: 'read' },
      schema: {
        tags,
        summary: 'One contract: terms, documents, what is left to deliver and what was paid',
        params: idParamsSchema,
        response: { 200: contractSchema },
      },
    },
    async (request) => getContract(deps.db, contextOf(request), request.params.id),
  );

  typed.patch(
    '/api/contracts/:id',
    {
      config: { ...session, versioned: 'edit' },
      schema: {
        tags,
        summary: 'Edit the terms; on an active contract every change is a new revision the contractor acknowledges',
        params: idParamsSchema,
        body: updateContractSchema,
        response: { 200: contractSchema },
      },
    },
    async (request) => updateContract(deps.db, contextOf(request), request.params.id, request.body, expectedVersionOf(request)),
  );

  for (const event of ['activate', 'end', 'terminate'] as const) {
    typed.post(
      `/api/contracts/:id/${event}`,
      {
        config: session,
        schema: {
          tags,
          summary: { activate: 'Activate a draft (revision 1)', end: 'End an active contract', terminate: 'Terminate an active contract' }[
            event
          ],
          params: idParamsSchema,
          response: { 200: contractSchema },
        },
      },
      async (request) => changeContractStatus(deps.db, contextOf(request), request.params.id, event),
    );
  }

  typed.post(
    '/api/contracts/:id/renew',
    {
      config: session,
      schema: {
        tags,
        summary: 'Renew: a revision that extends the term',
        params: idParamsSchema,
        body: renewContractSchema,
        response: { 200: contractSchema },
      },
    },
    async (request) => renewContract(deps.db, contextOf(request), request.params.id, request.body),
  );

  typed.get(
    '/api/contracts/:id/revisions',
    {
      config: session,
      schema: { tags, summary: 'Revisions, newest first, with what changed', params: idParamsSchema, response: { 200: revisionsSchema } },
    },
    async (request) => listRevisions(deps.db, contextOf(request), request.params.id),
  );

  typed.post(
    '/api/contracts/:id/revisions/:number/acknowledge',
    {
      config: session,
      schema: {
        tags,
        summary: 'The contractor acknowledges a revision (audited)',
        params: z.object({ id: idSchema, number: z.coerce.number().int().min(1).max(100_000) }).strict(),
        response: { 200: revisionsSchema },
      },
    },
    async (request) => acknowledgeRevision(deps.db, contextOf(request), request.params.id, request.params.number),
  );

  typed.post(
    '/api/contracts/:id/documents',
    {
      config: session,
      schema: {
        tags,
        summary: 'Attach an uploaded file (uploaded with ?engagementId=…) as a contract document',
        params: idParamsSchema,
        body: attachFileSchema,
        response: { 200: contractSchema },
      },
    },
    async (request) => addContractDocument(deps.db, contextOf(request), request.params.id, request.body.fileId),
  );

  typed.delete(
    '/api/contracts/:id/documents/:fileId',
    {
      config: session,
      schema: {
        tags,
        summary: 'Remove a contract document',
        params: z.object({ id: idSchema, fileId: idSchema }).strict(),
        response: { 200: contractSchema },
      },
    },
    async (request) => removeContractDocument(deps.db, contextOf(request), request.params.id, request.params.fileId),
  );
}
