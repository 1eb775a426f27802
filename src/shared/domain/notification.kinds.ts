/**
 * Notification kinds: what a person chooses channels for. A notification's `type`
 * (`milestone.approved`, `payment.sent`…) belongs to the kind named by its first part; types
 * of no listed kind are `other`. Security emails (sign-in links, invitations, password resets,
 * two-factor) are not notifications: they always go, whatever these say.
 */
export const notificationKinds = ['message', 'milestone', 'payment', 'invoice', 'contract', 'job', 'team', 'other'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const notificationChannels = ['both', 'in_app', 'email', 'none'] as const;
export type NotificationChannel = (typeof notificationChannels)[number];

/** How emails about notifications go out: a few minutes after the first of a burst, or once a day. */
export const emailSchedules = ['batched', 'daily'] as const;
export type EmailSchedule = (typeof emailSchedules)[number];

export const notificationKindLabels: Record<NotificationKind, string> = {
  message: 'Messages',
  milestone: 'Milestones (added, submitted, approved, changes requested)',
  payment: 'Payments (sent, confirmed, disputed, awaiting approval)',
  invoice: 'Invoices (submitted, approved, rejected)',
  contract: 'Contracts (revised, renewed, ended)',
  job: 'Jobs (assigned, accepted, done)',
  team: 'Team and engagements (invitations accepted, accreditations expiring)',
  other: 'Everything else',
};

/** The defaults: everything in the app and by email, except team news, which stays in the app. */
export const defaultChannels: Record<NotificationKind, NotificationChannel> = {
  message: 'both',
  milestone: 'both',
  payment: 'both',
  invoice: 'both',
  contract: 'both',
  job: 'both',
  team: 'in_app',
  other: 'both',
};

const kindOfPrefix: Record<string, NotificationKind> = {
  message: 'message',
  thread: 'message',
  milestone: 'milestone',
  submission: 'milestone',
  payment: 'payment',
  invoice: 'invoice',
  contract: 'contract',
  job: 'job',
  invitation: 'team',
  engagement: 'team',
  accreditation: 'team',
  technician: 'team',
};

export function kindOfType(type: string): NotificationKind {
  return kindOfPrefix[type.split('.')[0] ?? ''] ?? 'other';
}

export const channelSendsInApp = (channel: NotificationChannel) => channel === 'both' || channel === 'in_app';
export const channelSendsEmail = (channel: NotificationChannel) => channel === 'both' || channel === 'email';
