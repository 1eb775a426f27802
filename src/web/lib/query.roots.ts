/**
 * The first element of every query key, one per feature. A feature's own keys live in
 * `features/<area>/api/<area>.keys.ts` and start with its root; a feature that must refresh
 * another's data (a milestone changes a contract's totals and the Home's counts) invalidates
 * that root from here, never by a string of its own.
 */
export const queryRoots = {
  session: ['session'],
  activity: ['activity'],
  contracts: ['contracts'],
  contractorTeam: ['contractor-team'],
  deliveries: ['deliveries'],
  desk: ['desk'],
  devMailbox: ['dev-mailbox'],
  engagements: ['engagements'],
  home: ['home'],
  invitations: ['invitations'],
  jobs: ['jobs'],
  messages: ['messages'],
  milestones: ['milestones'],
  money: ['money'],
  notifications: ['notifications'],
  organization: ['organization'],
  payments: ['payments'],
  invoices: ['invoices'],
  security: ['security'],
  technicians: ['technicians'],
  techView: ['tech-view'],
  siteWork: ['site-work'],
  preferences: ['preferences'],
} as const;
