import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, pageOf, pageQuerySchema } from '../../../shared/schemas/common.schema.ts';
import {
  acceptInvitationSchema,
  invitationPreviewSchema,
  invitationSchema,
  inviteContractorSchema,
  inviteMemberSchema,
  inviteStaffSchema,
  inviteTechnicianSchema,
} from '../../../shared/schemas/invitation.schema.ts';
import type { Db } from '../../db/client.ts';
import { contextOf, toHeaders } from '../../http/route-auth.plugin.ts';
import type { Auth } from '../auth/auth.better.ts';
import {
  acceptInvitationAndSignIn,
  inviteContractor,
  inviteStaff,
  inviteToContractor,
  limitInvitationAttempt,
  previewInvitation,
  revokeInvitation,
} from './invitations.service.ts';
import { listInvitations } from './invitations.queries.ts';

export function registerInvitationRoutes(app: FastifyInstance, deps: { db: Db; auth: Auth; publicUrl: string }): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['invitations'];

  typed.post(
    '/api/invitations/contractor',
    {
      config: { auth: 'session' },
      schema: {
        tags,
        summary: 'Invite a contractor: creates the contractor, its admin invitation and the engagement',
        body: inviteContractorSchema,
        response: { 201: invitationSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await inviteContractor(deps.db, contextOf(request), deps.publicUrl, request.body)),
  );

  typed.post(
    '/api/invitations/staff',
    {
      config: { auth: 'session' },
      schema: { tags, summary: 'Invite a staff member of the organization', body: inviteStaffSchema, response: { 201: invitationSchema } },
    },
    async (request, reply) => reply.status(201).send(await inviteStaff(deps.db, contextOf(request), deps.publicUrl, request.body)),
  );

  typed.post(
    '/api/invitations/member',
    {
      config: { auth: 'session' },
      schema: {
        tags,
        summary: "Invite an office member to the contractor's account",
        body: inviteMemberSchema,
        response: { 201: invitationSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await inviteToContractor(deps.db, contextOf(request), deps.publicUrl, 'contractor_member', request.body)),
  );

  typed.post(
    '/api/invitations/technician',
    {
      config: { auth: 'session' },
      schema: {
        tags,
        summary: "Invite a technician to the contractor's crew",
        body: inviteTechnicianSchema,
        response: { 201: invitationSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await inviteToContractor(deps.db, contextOf(request), deps.publicUrl, 'technician', request.body)),
  );

  typed.get(
    '/api/invitations',
    {
      config: { auth: 'session' },
      schema: {
        tags,
        summary: 'Invitations this user manages, newest first, a page at a time',
        querystring: pageQuerySchema,
        response: { 200: pageOf(invitationSchema) },
      },
    },
    async (request) => listInvitations(deps.db, contextOf(request), request.query),
  );

  typed.post(
    '/api/invitations/:id/revoke',
    {
      config: { auth: 'session' },
      schema: { tags, summary: 'Withdraw a pending invitation', params: idParamsSchema, response: { 200: invitationSchema } },
    },
    async (request) => revokeInvitation(deps.db, contextOf(request), request.params.id),
  );

  typed.get(
    '/api/invitations/preview',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: 'What an invitation link is for (does not use it up)',
        querystring: z.object({ token: z.string().min(16).max(200) }).strict(),
        response: { 200: invitationPreviewSchema },
      },
    },
    async (request) => {
      return limitInvitationAttempt(deps.db, request.ip, () => previewInvitation(deps.db, request.query.token));
    },
  );

  typed.post(
    '/api/invitations/accept',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: 'Accept an invitation and sign in (people with two-factor sign-in then sign in with their password and code)',
        body: acceptInvitationSchema,
        response: { 200: z.object({ ok: z.literal(true), signedIn: z.boolean() }) },
      },
    },
    async (request, reply) => {
      const cookies = await acceptInvitationAndSignIn(deps.db, deps.auth, request.body, { ip: request.ip, headers: toHeaders(request) });
      for (const cookie of cookies) reply.header('set-cookie', cookie);
      return { ok: true as const, signedIn: cookies.length > 0 };
    },
  );
}
