export const organizationKeys = {
  current: ['organization', 'current'] as const,
  staff: ['organization', 'staff'] as const,
};
