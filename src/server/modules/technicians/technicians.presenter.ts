import type { Actor } from '../../access/actor.ts';
import { contractorAbilities } from '../../access/policies.ts';
import type { technicianAccreditations } from '../../db/schema/index.ts';

/** A technician of the crew as the queries read it (name: the contractor's own, else the person's). */
export interface TechnicianView {
  id: string;
  contractorId: string;
  userId: string;
  name: string;
  email: string;
  mobile: string | null;
  version: number;
  createdAt: Date;
  active: boolean;
}

/** Only the contractor's admins manage the crew and its accreditations (the same right as inviting technicians). */
export function crewAbilities(actor: Actor) {
  const admin = contractorAbilities(actor).inviteTechnician;
  return { edit: admin, remove: admin, addAccreditation: admin };
}

export function presentTechnician(actor: Actor, row: TechnicianView) {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    mobile: row.mobile,
    status: row.active ? ('active' as const) : ('invited' as const),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    abilities: crewAbilities(actor),
  };
}

type AccreditationRow = typeof technicianAccreditations.$inferSelect;

export function presentAccreditation(
  actor: Actor,
  row: AccreditationRow,
  file: { id: string; name: string; mime: string; size: number } | null,
) {
  const admin = crewAbilities(actor).edit;
  return {
    id: row.id,
    technicianId: row.technicianId,
    type: row.type,
    number: row.number,
    expiresOn: row.expiresOn,
    file,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: { edit: admin, remove: admin },
  };
}
