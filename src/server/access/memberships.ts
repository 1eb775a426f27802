import { sql } from 'drizzle-orm';
import type { ContractorMemberRole, StaffRole } from '../../shared/domain/roles.ts';
import type { Membership } from '../../shared/schemas/session.schema.ts';
import type { Executor } from '../db/client.ts';
import { contractorMembers, contractors, organizations, staffMembers, technicians } from '../db/schema/index.ts';
import type { Actor } from './actor.ts';

export interface LoadedMembership {
  membership: Membership;
  actor: Actor;
  requireTwoFactor: boolean;
}

interface MembershipRow {
  kind: 'staff' | 'contractor' | 'technician';
  role: string | null;
  owner_id: string;
  name: string;
  require_two_factor: boolean;
  technician_id: string | null;
}

/** Every way this user belongs somewhere (staff of organizations, member of contractors, technician), in one statement. */
export async function loadMemberships(db: Executor, userId: string): Promise<LoadedMembership[]> {
  const result = await db.execute(sql`
    select * from (
      select 'staff' as kind, 0 as rank, ${staffMembers.role}::text as role, ${organizations.id} as owner_id, ${organizations.name} as name,
             ${organizations.requireTwoFactor} as require_two_factor, null::text as technician_id
        from ${staffMembers} join ${organizations} on ${organizations.id} = ${staffMembers.organizationId}
       where ${staffMembers.userId} = ${userId}
      union all
      select 'contractor', 1, ${contractorMembers.role}::text, ${contractors.id}, ${contractors.name}, false, null
        from ${contractorMembers} join ${contractors} on ${contractors.id} = ${contractorMembers.contractorId}
       where ${contractorMembers.userId} = ${userId}
      union all
      select 'technician', 2, null, ${contractors.id}, ${contractors.name}, false, ${technicians.id}
        from ${technicians} join ${contractors} on ${contractors.id} = ${technicians.contractorId}
       where ${technicians.userId} = ${userId} and ${technicians.removedAt} is null
    ) as m order by rank, name`);
  return (result as unknown as { rows: MembershipRow[] }).rows.map((row) => toLoaded(row, userId));
}

function toLoaded(row: MembershipRow, userId: string): LoadedMembership {
  if (row.kind === 'staff') {
    const role = row.role as StaffRole;
    return {
      membership: { kind: 'staff', key: `staff:${row.owner_id}`, organizationId: row.owner_id, organizationName: row.name, role },
      actor: { kind: 'staff', userId, organizationId: row.owner_id, role },
      requireTwoFactor: row.require_two_factor,
    };
  }
  if (row.kind === 'contractor') {
    const role = row.role as ContractorMemberRole;
    return {
      membership: { kind: 'contractor', key: `contractor:${row.owner_id}`, contractorId: row.owner_id, contractorName: row.name, role },
      actor: { kind: 'contractor', userId, contractorId: row.owner_id, role },
      requireTwoFactor: false,
    };
  }
  const technicianId = row.technician_id ?? '';
  return {
    membership: {
      kind: 'technician',
      key: `technician:${technicianId}`,
      contractorId: row.owner_id,
      contractorName: row.name,
      technicianId,
    },
    actor: { kind: 'technician', userId, contractorId: row.owner_id, technicianId },
    requireTwoFactor: false,
  };
}

/** The membership the request acts as: the one named by the context header, else the first. */
export function chooseMembership(all: LoadedMembership[], wanted: string | undefined): LoadedMembership | undefined {
  return all.find((m) => m.membership.key === wanted) ?? all[0];
}
