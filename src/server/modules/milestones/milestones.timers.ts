import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { systemActor } from '../../access/actor.ts';
import type { Db } from '../../db/client.ts';
import { milestones, organizations } from '../../db/schema/index.ts';
import { runInTransaction } from '../../db/transaction.ts';
import { AppError } from '../../lib/errors.ts';
import { notify } from '../notifications/notifications.service.ts';
import { listReviewerUserIds } from '../organizations/organizations.service.ts';
import { approveInTransaction } from './milestones.approval.ts';

/**
 * Timers, run by the queue: a reminder to reviewers a day before auto-approval fires, then the
 * automatic approval itself (with its draft payment), for organizations that turned it on.
 */
export async function runMilestoneTimers(db: Db, now = new Date()): Promise<{ reminded: number; approved: number }> {
  const due = await db
    .select({ id: milestones.id, organizationId: milestones.organizationId, submittedAt: milestones.submittedAt, reminderSentAt: milestones.reminderSentAt, days: organizations.autoApproveDays, title: milestones.title })
    .from(milestones)
    .innerJoin(organizations, eq(organizations.id, milestones.organizationId))
    .where(
      and(
        eq(milestones.status, 'submitted'),
        isNotNull(organizations.autoApproveDays),
        sql`${milestones.submittedAt} <= ${now.toISOString()}::timestamptz - make_interval(days => greatest(${organizations.autoApproveDays} - 1, 0))`,
      ),
    )
    .limit(500);
  let reminded = 0;
  let approved = 0;
  for (const m of due) {
    const fireAt = new Date(m.submittedAt!.getTime() + m.days! * 86_400_000);
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
    } else if (!m.reminderSentAt) {
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
