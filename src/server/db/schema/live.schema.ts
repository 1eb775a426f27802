import { sql } from 'drizzle-orm';
import { bigserial, check, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { liveAudiences } from '../../../shared/domain/live.events.ts';
import { isOneOf } from './checks.ts';

/**
 * Live events: one row per thing a connected client should hear about (the SSE event id is the
 * row's id). Written in the transaction of the change by `raiseLiveEvent`
 * (`src/server/access/live.raise.ts`), announced by NOTIFY at commit, replayed from here on
 * reconnect (Last-Event-ID), pruned after a day. Ids and kinds only, never content.
 */
export const liveEvents = pgTable(
  'live_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organizationId: text('organization_id'),
    contractorId: text('contractor_id'),
    audience: text('audience', { enum: liveAudiences }).notNull(),
    /** The one person of a `user` event. */
    userId: text('user_id'),
    /** The job of a `job` event (its assigned technicians hear it too). */
    jobId: text('job_id'),
    kind: text('kind').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('live_events_audience_ck', isOneOf(t.audience, liveAudiences)),
    check(
      'live_events_parties_ck',
      sql`case ${t.audience}
        when 'user' then ${t.userId} is not null
        when 'staff' then ${t.organizationId} is not null
        when 'engagement' then ${t.organizationId} is not null and ${t.contractorId} is not null
        else ${t.organizationId} is not null and ${t.contractorId} is not null and ${t.jobId} is not null end`,
    ),
    index('live_events_created_at_idx').on(t.createdAt),
  ],
);
