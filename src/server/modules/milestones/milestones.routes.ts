import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, idSchema, okSchema } from '../../../shared/schemas/common.schema.ts';
import { attachFileSchema } from '../../../shared/schemas/contract.schema.ts';
import {
  approveMilestoneSchema,
  bulkApproveResultSchema,
  bulkApproveSchema,
  createMilestoneSchema,
  milestoneDetailSchema,
  milestoneListQuerySchema,
  milestoneSchema,
  requestChangesSchema,
  submitMilestoneSchema,
  updateMilestoneSchema,
} from '../../../shared/schemas/milestone.schema.ts';
import type { Db } from '../../db/client.ts';
import { contextOf } from '../../http/route-auth.plugin.ts';
import { expectedVersionOf } from '../../http/versions.plugin.ts';
import {
  addMilestoneAttachment,
  bulkApprove,
  createMilestone,
  deleteMilestone,
  removeMilestoneAttachment,
  reviewMilestone,
  submitMilestone,
  updateMilestone,
} from './milestones.service.ts';
import { getMilestone, listMilestones } from './milestones.queries.ts';

const tags = ['milestones'];

export function registerMilestoneRoutes(app: FastifyInstance, deps: { db: Db }): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const session = { auth: 'session' as const };

  typed.get(
    '/api/milestones',
    {
      config: session,
      schema: {
        tags,
        summary:
          'Milestones by due date: view=pending (open, submitted, changes requested) or approved (approved, paid); filters by contractor, contract, status, due dates, overdue',
        querystring: milestoneListQuerySchema,
        response: { 200: z.object({ items: z.array(milestoneSchema), nextCursor: z.string().nullable() }) },
      },
    },
    async (request) => listMilestones(deps.db, contextOf(request), request.query),
  );

  typed.post(
    '/api/contracts/:id/milestones',
    {
      config: session,
      schema: {
        tags,
        summary: 'Add a milestone to a contract',
        params: idParamsSchema,
        body: createMilestoneSchema,
        response: { 201: milestoneDetailSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createMilestone(deps.db, contextOf(request), request.params.id, request.body)),
  );

  typed.get(
    '/api/milestones/:id',
    {
      config: { ...session, versioned: 'read' },
      schema: {
        tags,
        summary: 'One milestone with its attachments and every submission',
        params: idParamsSchema,
        response: { 200: milestoneDetailSchema },
      },
    },
    async (request) => getMilestone(deps.db, contextOf(request), request.params.id),
  );

  typed.patch(
    '/api/milestones/:id',
    {
      config: { ...session, versioned: 'edit' },
      schema: {
        tags,
        summary: 'Edit a milestone (amount and due date are frozen once approved)',
        params: idParamsSchema,
        body: updateMilestoneSchema,
        response: { 200: milestoneDetailSchema },
      },
    },
    async (request) => updateMilestone(deps.db, contextOf(request), request.params.id, request.body, expectedVersionOf(request)),
  );

  typed.delete(
    '/api/milestones/:id',
    {
      config: session,
      schema: { tags, summary: 'Delete a milestone that is not approved or paid', params: idParamsSchema, response: { 200: okSchema } },
    },
    async (request) => {
      await deleteMilestone(deps.db, contextOf(request), request.params.id);
      return { ok: true as const };
    },
  );

  typed.post(
    '/api/milestones/:id/attachments',
    {
      config: session,
      schema: {
        tags,
        summary: 'Attach a file to the milestone (staff)',
        params: idParamsSchema,
        body: attachFileSchema,
        response: { 200: milestoneDetailSchema },
      },
    },
    async (request) => addMilestoneAttachment(deps.db, contextOf(request), request.params.id, request.body.fileId),
  );

  typed.delete(
    '/api/milestones/:id/attachments/:fileId',
    {
      config: session,
      schema: {
        tags,
        summary: 'Remove a file from the milestone (staff)',
        params: z.object({ id: idSchema, fileId: idSchema }).strict(),
        response: { 200: milestoneDetailSchema },
      },
    },
    async (request) => removeMilestoneAttachment(deps.db, contextOf(request), request.params.id, request.params.fileId),
  );

  typed.post(
    '/api/milestones/:id/submit',
    {
      config: session,
      schema: {
        tags,
        summary: '"Ready for review": files (uploaded with ?engagementId=…), links and a note; each submission is kept as a version',
        params: idParamsSchema,
        body: submitMilestoneSchema,
        response: { 200: milestoneDetailSchema },
      },
    },
    async (request) => submitMilestone(deps.db, contextOf(request), request.params.id, request.body),
  );

  typed.post(
    '/api/milestones/:id/approve',
    {
      config: session,
      schema: {
        tags,
        summary: 'Approve a submitted milestone; creates exactly one draft payment for its amount',
        params: idParamsSchema,
        body: approveMilestoneSchema,
        response: { 200: milestoneDetailSchema },
      },
    },
    async (request) => reviewMilestone(deps.db, contextOf(request), request.params.id, 'approve', request.body.note ?? null),
  );

  typed.post(
    '/api/milestones/:id/request-changes',
    {
      config: session,
      schema: {
        tags,
        summary: 'Send a submitted milestone back with the reason (shown to the contractor)',
        params: idParamsSchema,
        body: requestChangesSchema,
        response: { 200: milestoneDetailSchema },
      },
    },
    async (request) => reviewMilestone(deps.db, contextOf(request), request.params.id, 'request_changes', request.body.reason),
  );

  typed.post(
    '/api/milestones/bulk-approve',
    {
      config: session,
      schema: {
        tags,
        summary: 'Approve several submitted milestones; the outcome of each',
        body: bulkApproveSchema,
        response: { 200: bulkApproveResultSchema },
      },
    },
    async (request) => bulkApprove(deps.db, contextOf(request), request.body.ids, request.body.note ?? null),
  );
}
