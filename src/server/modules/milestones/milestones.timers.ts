import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { addDaysIn } from '../../../shared/domain/time-zone.ts';
import { systemActor } from '../../access/actor.ts';
import type { Db } from '../../db/client.ts';
import { milestones, organizations } from '../../db/schema/index.ts';
import { runInTransaction } from '../../db/transaction.ts';
import { AppError } from '../../lib/errors.ts';
import { notify } from '../notifications/notifications.service.ts';
import { listReviewerUserIds } from '../organizations/organizations.service.ts';
import { approveInTransaction } from './milestones.approval.ts';

/** When a submission approves itself: `days` calendar days after it, counted in the organization's time zone. */
function autoApprovalAt(timeZone: string, submittedAt: Date, days: number): Date {
  return addDaysIn(timeZone, submittedAt, days);
}

/**
 * Timers, run by the queue: a reminder to reviewers a day before auto-approval fires, then the
 * automatic approval itself (with its draft payment), for organizations that turned it on. Days
 * are the organization's calendar days (23 or 25 hours across a change of summer time).
 */
export async function runMilestoneTimers(db: Db, now = new Date()): Promise<{ reminded: number; approved: number }> {
  const due = await db
    .select({
      id: milestones.id,
      organizationId: milestones.organizationId,
      submittedAt: milestones.submittedAt,
      reminderSentAt: milestones.reminderSentAt,
      days: organizations.autoApproveDays,
      timeZone: organizations.timeZone,
      title: milestones.title,
    })
    .from(milestones)
    .innerJoin(organizations, eq(organizations.id, milestones.organizationId))
    .where(
      and(
        eq(milestones.status, 'submitted'),
        isNotNull(organizations.autoApproveDays),
        // A generous first cut (a local day may be 23 hours); the exact day is counted below in the organization's zone.
        sql`${milestones.submittedAt} <= ${now.toISOString()}::timestamptz - make_interval(days => greatest(${organizations.autoApproveDays} - 1, 0)) + interval '3 hours'`,
      ),
    )
    .limit(500);
  let reminded = 0;
  let approved = 0;
  for (const m of due) {
    const fireAt = autoApprovalAt(m.timeZone, m.submittedAt!, m.days!);
    if (fireAt <= now) {
      const done = await runInTransaction(db, async (tx) => {
        try {
          await approveInTransaction(tx, m.id, systemActor(), `Approved automatically after ${m.days} days in review.`);
          return true;
        } catch (error) {
          if (error instanceof AppError && error.code === 'INVALID_TRANSITION') return false;
          throw error;
        }
      });
      if (done) approved++;
    } else if (!m.reminderSentAt && addDaysIn(m.timeZone, fireAt, -1) <= now) {
      await runInTransaction(db, async (tx) => {
        const [claimed] = await tx
          .update(milestones)
          .set({ reminderSentAt: now })
          .where(and(eq(milestones.id, m.id), sql`${milestones.reminderSentAt} is null`, eq(milestones.status, 'submitted')))
          .returning({ id: milestones.id });
        if (!claimed) return;
        await notify(tx, {
          userIds: await listReviewerUserIds(tx, m.organizationId),
          organizationId: m.organizationId,
          type: 'milestone.auto_approval_reminder',
          title: `Approves automatically tomorrow: ${m.title}`,
          body: `Review it before ${fireAt.toISOString()}, or it will be approved and a payment drafted.`,
          link: `/app/milestones/${m.id}`,
        });
        reminded++;
      });
    }
  }
  return { reminded, approved };
}
