import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../access/actor.ts';
import { scopes } from '../../access/scopes.ts';
import type { Executor } from '../../db/client.ts';
import { contractorProfiles, contractors, engagements, organizations } from '../../db/schema/index.ts';
import { notFound } from '../../lib/errors.ts';

/** The two parties of a statement or an export, as the actor may see them. */
export interface Parties {
  organizationId: string;
  organizationName: string;
  timeZone: string;
  contractorId: string;
  contractorName: string;
}

/** Who the actor acts for, and who the other party is: a contractor names the organization, staff the contractor. */
export function partyIdsOf(actor: Actor, query: { organizationId?: string | undefined; contractorId?: string | undefined }) {
  if (actor.kind === 'staff') return { organizationId: actor.organizationId, contractorId: query.contractorId };
  if (actor.kind === 'contractor') return { organizationId: query.organizationId, contractorId: actor.contractorId };
  return null;
}

/**
 * The parties of one engagement the actor can see (an engagement in any status: a statement
 * covers ended work too). Anything else (another organization, another contractor, a technician)
 * is 404, exactly like a party that does not exist.
 */
export async function readParties(
  db: Executor,
  actor: Actor,
  query: { organizationId?: string | undefined; contractorId?: string | undefined },
): Promise<Parties> {
  const ids = partyIdsOf(actor, query);
  if (!ids?.organizationId || !ids.contractorId) throw notFound(actor.kind === 'staff' ? 'This contractor' : 'This organization');
  const [row] = await db
    .select({
      organizationId: organizations.id,
      organizationName: organizations.name,
      timeZone: organizations.timeZone,
      contractorId: contractors.id,
      contractorName: contractors.name,
    })
    .from(engagements)
    .innerJoin(organizations, eq(organizations.id, engagements.organizationId))
    .innerJoin(contractors, eq(contractors.id, engagements.contractorId))
    .where(
      and(scopes.engagements(actor), eq(engagements.organizationId, ids.organizationId), eq(engagements.contractorId, ids.contractorId)),
    )
    .limit(1);
  if (!row) throw notFound(actor.kind === 'staff' ? 'This contractor' : 'This organization');
  return row;
}

/** The contractor's business details for documents (their own, printed on their statement), when they entered them. */
export async function readContractorDetails(db: Executor, contractorId: string) {
  const [row] = await db
    .select({
      legalName: contractorProfiles.legalName,
      address: contractorProfiles.address,
      taxId: contractorProfiles.taxId,
      email: contractorProfiles.email,
      phone: contractorProfiles.phone,
    })
    .from(contractorProfiles)
    .where(eq(contractorProfiles.contractorId, contractorId));
  return row ?? null;
}
