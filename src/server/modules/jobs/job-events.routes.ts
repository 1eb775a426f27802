import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '../../../shared/schemas/common.schema.ts';
import {
  acceptJobSchema,
  cancelJobSchema,
  closeJobSchema,
  completeJobSchema,
  jobDetailSchema,
  reassignJobSchema,
  rejectJobSchema,
  scheduleJobSchema,
  sendBackJobSchema,
} from '../../../shared/schemas/job.schema.ts';
import type { RequestContext } from '../../access/actor.ts';
import type { Db } from '../../db/client.ts';
import { contextOf } from '../../http/route-auth.plugin.ts';
import { acceptJob, archiveJob, cancelJob, closeJob, completeJob, rejectJob, scheduleJob, sendBackJob } from './jobs.events.ts';
import { reassignJob } from './jobs.reassign.ts';

const tags = ['jobs'];
const emptyBody = z.object({}).strict().default({});

/**
 * The job machine's events, each its own endpoint: POST /api/jobs/:id/<event>. The site events
 * (on site, revisit, performed with signatures) are the site-work module's routes.
 */
export function registerJobEventRoutes(app: FastifyInstance, deps: { db: Db }): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.db;

  function event<B extends z.ZodType>(
    path: string,
    summary: string,
    body: B,
    run: (ctx: RequestContext, id: string, body: z.output<B>) => Promise<z.infer<typeof jobDetailSchema>>,
  ) {
    typed.post(
      `/api/jobs/:id/${path}`,
      { config: { auth: 'session' }, schema: { tags, summary, params: idParamsSchema, body, response: { 200: jobDetailSchema } } },
      async (request) => run(contextOf(request), request.params.id, request.body as z.output<B>),
    );
  }

  event('accept', 'Accept an assigned job, with a target date (contractor)', acceptJobSchema, (ctx, id, b) =>
    acceptJob(db, ctx, id, b.targetOn),
  );
  event('reject', 'Reject an assigned job with the reason (contractor); the company reassigns it', rejectJobSchema, (ctx, id, b) =>
    rejectJob(db, ctx, id, b.reason),
  );
  event(
    'reassign',
    'Reassign a rejected job: to the same contractor, or another active engagement (company)',
    reassignJobSchema,
    (ctx, id, b) => reassignJob(db, ctx, id, b.engagementId),
  );
  event('schedule', 'Set the scheduled date of an accepted job (contractor)', scheduleJobSchema, (ctx, id, b) =>
    scheduleJob(db, ctx, id, b.scheduledOn),
  );
  event(
    'complete',
    '"Complete task": invoice, report or quote, and the actual on-site date → performed (contractor)',
    completeJobSchema,
    (ctx, id, b) => completeJob(db, ctx, id, b),
  );
  event('close', 'Close a performed job after review (company)', closeJobSchema, (ctx, id, b) => closeJob(db, ctx, id, b.note ?? null));
  event('send-back', 'Send a performed job back with the reason → revisit (company)', sendBackJobSchema, (ctx, id, b) =>
    sendBackJob(db, ctx, id, b.reason),
  );
  event('cancel', 'Cancel an open job with the reason (company)', cancelJobSchema, (ctx, id, b) => cancelJob(db, ctx, id, b.reason));
  event('archive', 'Archive a closed or cancelled job; the contractor keeps read-only access (company)', emptyBody, (ctx, id) =>
    archiveJob(db, ctx, id),
  );
}
