import type { Membership } from '../../../../shared/schemas/session.schema.ts';

const kindNames: Record<Membership['kind'], string> = {
  staff: 'Company',
  contractor: 'Contractor',
  technician: 'Technician',
};

/** "Acme Ltd": the organization or contractor this membership belongs to. */
export function nameMembership(membership: Membership): string {
  return membership.kind === 'staff' ? membership.organizationName : membership.contractorName;
}

/** "Company · admin", "Technician": what the user is in that place. */
export function describeMembership(membership: Membership): string {
  return membership.kind === 'technician' ? kindNames.technician : `${kindNames[membership.kind]} · ${membership.role}`;
}
