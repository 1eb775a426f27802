import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamsSchema, okSchema, pageOf } from '../../../shared/schemas/common.schema.ts';
import {
  accreditationSchema,
  addAccreditationSchema,
  addTechnicianSchema,
  technicianDetailSchema,
  technicianFlagsRequestSchema,
  technicianFlagsSchema,
  technicianListQuerySchema,
  technicianSchema,
  updateAccreditationSchema,
  updateTechnicianSchema,
} from '../../../shared/schemas/technician.schema.ts';
import { myJobDetailSchema, myJobsPageSchema, myJobsQuerySchema } from '../../../shared/schemas/my-jobs.schema.ts';
import type { Db } from '../../db/client.ts';
import { contextOf } from '../../http/route-auth.plugin.ts';
import { expectedVersionOf } from '../../http/versions.plugin.ts';
import { addAccreditation, removeAccreditation, updateAccreditation } from './technicians.accreditations.ts';
import { loadTechnicianFlags } from './technicians.flags.ts';
import { getAccreditation, getTechnician, listTechnicians } from './technicians.queries.ts';
import { getMyJob, listMyJobs } from './technicians.my-jobs.ts';
import { addTechnician, removeTechnician, updateTechnician } from './technicians.service.ts';

const tags = ['technicians'];

export function registerTechnicianRoutes(app: FastifyInstance, deps: { db: Db; publicUrl: string }): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const session = { auth: 'session' as const };

  typed.get(
    '/api/technicians',
    {
      config: session,
      schema: {
        tags,
        summary: "The contractor's technicians (removed ones not included), in the order they joined, a page at a time",
        querystring: technicianListQuerySchema,
        response: { 200: pageOf(technicianSchema) },
      },
    },
    async (request) => listTechnicians(deps.db, contextOf(request), request.query),
  );

  typed.post(
    '/api/technicians',
    {
      config: session,
      schema: {
        tags,
        summary: 'Add a technician to the crew (admins): they can be assigned jobs at once, and get an email link to sign in',
        body: addTechnicianSchema,
        response: { 201: technicianDetailSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await addTechnician(deps.db, contextOf(request), deps.publicUrl, request.body)),
  );

  typed.post(
    '/api/technicians/flags',
    {
      config: session,
      schema: {
        tags,
        summary:
          'Technicians to pick for some jobs, each with accreditation flags (missing, expires before the scheduled date, expires within 30 days)',
        body: technicianFlagsRequestSchema,
        response: { 200: technicianFlagsSchema },
      },
    },
    async (request) => loadTechnicianFlags(deps.db, contextOf(request).actor, request.body),
  );

  typed.get(
    '/api/technicians/:id',
    {
      config: { ...session, versioned: 'read' },
      schema: {
        tags,
        summary: 'One technician with their accreditations',
        params: idParamsSchema,
        response: { 200: technicianDetailSchema },
      },
    },
    async (request) => getTechnician(deps.db, contextOf(request), request.params.id),
  );

  typed.patch(
    '/api/technicians/:id',
    {
      config: { ...session, versioned: 'edit' },
      schema: {
        tags,
        summary: "Edit a technician's name or mobile number (admins)",
        params: idParamsSchema,
        body: updateTechnicianSchema,
        response: { 200: technicianDetailSchema },
      },
    },
    async (request) => updateTechnician(deps.db, contextOf(request), request.params.id, request.body, expectedVersionOf(request)),
  );

  typed.delete(
    '/api/technicians/:id',
    {
      config: session,
      schema: {
        tags,
        summary: 'Remove a technician from the crew (admins): their sessions, sign-in links and invitations stop working at once',
        params: idParamsSchema,
        response: { 200: okSchema },
      },
    },
    async (request) => removeTechnician(deps.db, contextOf(request), request.params.id),
  );

  typed.post(
    '/api/technicians/:id/accreditations',
    {
      config: session,
      schema: {
        tags,
        summary: 'Add an accreditation (type, number, expiry, a scan uploaded first through POST /api/files) to a technician (admins)',
        params: idParamsSchema,
        body: addAccreditationSchema,
        response: { 201: accreditationSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await addAccreditation(deps.db, contextOf(request), request.params.id, request.body)),
  );

  typed.get(
    '/api/accreditations/:id',
    {
      config: { ...session, versioned: 'read' },
      schema: { tags, summary: "One of a technician's accreditations", params: idParamsSchema, response: { 200: accreditationSchema } },
    },
    async (request) => getAccreditation(deps.db, contextOf(request), request.params.id),
  );

  typed.patch(
    '/api/accreditations/:id',
    {
      config: { ...session, versioned: 'edit' },
      schema: {
        tags,
        summary: 'Edit an accreditation (admins)',
        params: idParamsSchema,
        body: updateAccreditationSchema,
        response: { 200: accreditationSchema },
      },
    },
    async (request) => updateAccreditation(deps.db, contextOf(request), request.params.id, request.body, expectedVersionOf(request)),
  );

  typed.delete(
    '/api/accreditations/:id',
    {
      config: session,
      schema: { tags, summary: 'Remove an accreditation (admins)', params: idParamsSchema, response: { 200: okSchema } },
    },
    async (request) => removeAccreditation(deps.db, contextOf(request), request.params.id),
  );

  typed.get(
    '/api/my-jobs',
    {
      config: session,
      schema: {
        tags,
        summary: "The technician view: the signed-in technician's jobs for today (and still open from before) or upcoming, soonest first",
        querystring: myJobsQuerySchema,
        response: { 200: myJobsPageSchema },
      },
    },
    async (request) => listMyJobs(deps.db, contextOf(request).actor, request.query),
  );

  typed.get(
    '/api/my-jobs/:id',
    {
      config: session,
      schema: {
        tags,
        summary:
          "One of the technician's jobs: site, dates, access details, tasks and the company's documents (404 unless assigned to them)",
        params: idParamsSchema,
        response: { 200: myJobDetailSchema },
      },
    },
    async (request) => getMyJob(deps.db, contextOf(request).actor, request.params.id),
  );
}
