import { eq } from 'drizzle-orm';
import type { Membership } from '../../shared/schemas/session.schema.ts';
import type { Executor } from '../db/client.ts';
import { contractorMembers, contractors, organizations, staffMembers, technicians } from '../db/schema/index.ts';
import type { Actor } from './actor.ts';

export interface LoadedMembership {
  membership: Membership;
  actor: Actor;
  requireTwoFactor: boolean;
}

/** Every way this user belongs somewhere: staff of organizations, member of contractors, technician. */
export async function loadMemberships(db: Executor, userId: string): Promise<LoadedMembership[]> {
  const [staff, members, techs] = await Promise.all([
    db
      .select({ role: staffMembers.role, organizationId: organizations.id, name: organizations.name, requireTwoFactor: organizations.requireTwoFactor })
      .from(staffMembers)
      .innerJoin(organizations, eq(organizations.id, staffMembers.organizationId))
      .where(eq(staffMembers.userId, userId))
      .orderBy(organizations.name),
    db
      .select({ role: contractorMembers.role, contractorId: contractors.id, name: contractors.name })
      .from(contractorMembers)
      .innerJoin(contractors, eq(contractors.id, contractorMembers.contractorId))
      .where(eq(contractorMembers.userId, userId))
      .orderBy(contractors.name),
    db
      .select({ technicianId: technicians.id, contractorId: contractors.id, name: contractors.name })
      .from(technicians)
      .innerJoin(contractors, eq(contractors.id, technicians.contractorId))
      .where(eq(technicians.userId, userId))
      .orderBy(contractors.name),
  ]);
  return [
    ...staff.map((s) => ({
      membership: { kind: 'staff' as const, key: `staff:${s.organizationId}`, organizationId: s.organizationId, organizationName: s.name, role: s.role },
      actor: { kind: 'staff' as const, userId, organizationId: s.organizationId, role: s.role },
      requireTwoFactor: s.requireTwoFactor,
    })),
    ...members.map((m) => ({
      membership: { kind: 'contractor' as const, key: `contractor:${m.contractorId}`, contractorId: m.contractorId, contractorName: m.name, role: m.role },
      actor: { kind: 'contractor' as const, userId, contractorId: m.contractorId, role: m.role },
      requireTwoFactor: false,
    })),
    ...techs.map((t) => ({
      membership: { kind: 'technician' as const, key: `technician:${t.technicianId}`, contractorId: t.contractorId, contractorName: t.name, technicianId: t.technicianId },
      actor: { kind: 'technician' as const, userId, contractorId: t.contractorId, technicianId: t.technicianId },
      requireTwoFactor: false,
    })),
  ];
}

/** The membership the request acts as: the one named by the context header, else the first. */
export function chooseMembership(all: LoadedMembership[], wanted: string | undefined): LoadedMembership | undefined {
  return all.find((m) => m.membership.key === wanted) ?? all[0];
}
