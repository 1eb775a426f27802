import type { ContractorMemberRole, StaffRole } from '../../shared/domain/roles.ts';

/** Who is asking, derived once per request from the session and the chosen membership. */
export type Actor =
  | { kind: 'staff'; userId: string; organizationId: string; role: StaffRole }
  | { kind: 'contractor'; userId: string; contractorId: string; role: ContractorMemberRole }
  | { kind: 'technician'; userId: string; contractorId: string; technicianId: string }
  | { kind: 'none'; userId: string };

/**
 * Portico itself, acting without a person's membership: timers (auto-approval), and the system
 * events of the machines (an invitation accepted, a payment sent). It sees every row; only
 * server code that runs on Portico's own behalf creates one. `userId` names the person whose
 * act set it off, when there is one.
 */
export interface SystemActor {
  kind: 'system';
  userId: string | null;
  ip?: string;
}

export function systemActor(userId: string | null = null, ip?: string): SystemActor {
  return { kind: 'system', userId, ip };
}

/** The per-request context every service receives. */
export interface RequestContext {
  actor: Actor;
  user: { id: string; name: string; email: string; twoFactorEnabled: boolean };
  sessionId: string;
  requestId: string;
  ip: string;
}
