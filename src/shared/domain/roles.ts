export const staffRoles = ['owner', 'admin', 'manager', 'finance', 'viewer'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const contractorMemberRoles = ['admin', 'office'] as const;
export type ContractorMemberRole = (typeof contractorMemberRoles)[number];

export const engagementStatuses = ['invited', 'active', 'ended'] as const;
export type EngagementStatus = (typeof engagementStatuses)[number];

export const invitationKinds = ['staff', 'contractor', 'contractor_member', 'technician'] as const;
export type InvitationKind = (typeof invitationKinds)[number];

/** Staff roles that may require two-factor sign-in when their organization asks for it. */
export const twoFactorSensitiveRoles: readonly StaffRole[] = ['owner', 'admin', 'finance'];
