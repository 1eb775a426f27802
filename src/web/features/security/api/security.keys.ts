export const securityKeys = {
  sessions: ['security', 'sessions'] as const,
  currentSession: ['security', 'current-session'] as const,
};
