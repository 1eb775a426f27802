import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contractorMemberRoles } from '../../../shared/domain/roles.ts';
import { pageOf, pageQuerySchema } from '../../../shared/schemas/common.schema.ts';
import { organizationSchema, staffMemberSchema, updateOrganizationSchema } from '../../../shared/schemas/organization.schema.ts';
import type { Db } from '../../db/client.ts';
import { contextOf } from '../../http/route-auth.plugin.ts';
import { expectedVersionOf } from '../../http/versions.plugin.ts';
import { getCurrentOrganization, listContractorTeam, listStaff, updateCurrentOrganization } from './organizations.service.ts';

const personSchema = z.object({ id: z.string(), userId: z.string(), name: z.string(), email: z.string() });

export function registerOrganizationRoutes(app: FastifyInstance, deps: { db: Db }): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/organizations/current',
    {
      config: { auth: 'session', allowBeforeTwoFactor: true, versioned: 'read' },
      schema: { tags: ['organizations'], summary: 'The organization the staff member acts for', response: { 200: organizationSchema } },
    },
    async (request) => getCurrentOrganization(deps.db, contextOf(request)),
  );

  typed.patch(
    '/api/organizations/current',
    {
      config: { auth: 'session', versioned: 'edit' },
      schema: {
        tags: ['organizations'],
        summary: 'Edit the settings: name, time zone, auto-approval, two-factor sign-in for owners, admins and finance',
        body: updateOrganizationSchema,
        response: { 200: organizationSchema },
      },
    },
    async (request) => updateCurrentOrganization(deps.db, contextOf(request), request.body, expectedVersionOf(request)),
  );

  typed.get(
    '/api/staff',
    {
      config: { auth: 'session' },
      schema: {
        tags: ['organizations'],
        summary: "The organization's staff, in the order they joined, a page at a time",
        querystring: pageQuerySchema,
        response: { 200: pageOf(staffMemberSchema) },
      },
    },
    async (request) => listStaff(deps.db, contextOf(request), request.query),
  );

  typed.get(
    '/api/contractor/team',
    {
      config: { auth: 'session' },
      schema: {
        tags: ['contractors'],
        summary: "The contractor's office members and technicians",
        response: {
          200: z.object({
            members: z.array(personSchema.extend({ role: z.enum(contractorMemberRoles) })),
            technicians: z.array(personSchema),
            abilities: z.object({ inviteMember: z.boolean(), inviteTechnician: z.boolean() }),
          }),
        },
      },
    },
    async (request) => listContractorTeam(deps.db, contextOf(request)),
  );
}
