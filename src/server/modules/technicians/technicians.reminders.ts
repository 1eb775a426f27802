import { and, asc, eq, gte, isNull, lte, sql } from 'drizzle-orm';
import { accreditationLabels } from '../../../shared/domain/accreditations.ts';
import { addCalendarDays } from '../../../shared/domain/accreditation.flags.ts';
import type { Db } from '../../db/client.ts';
import { accreditationReminders, technicianAccreditations, technicians, users } from '../../db/schema/index.ts';
import { runInTransaction } from '../../db/transaction.ts';
import { createId } from '../../lib/ids.ts';
import { notify } from '../notifications/notifications.service.ts';
import { listContractorAdminUserIds } from '../organizations/organizations.service.ts';
import { flagDay } from './technicians.flags.ts';
import { technicianName } from './technicians.queries.ts';

export const ACCREDITATION_REMINDERS_JOB = 'technicians.accreditation_reminders';

/** Reminders go out this many days before an accreditation expires, the nearest threshold first. */
export const REMINDER_THRESHOLDS = [7, 30] as const;

/** The threshold an accreditation expiring on `expiresOn` is inside on `today`, or null. */
export function reminderThreshold(expiresOn: string, today: string): number | null {
  for (const days of REMINDER_THRESHOLDS) if (expiresOn <= addCalendarDays(today, days)) return days;
  return null;
}

/**
 * The queue's job (hourly): every accreditation of a technician still in a crew that expires
 * within 30 days (from today, UTC) and has not had that reminder for that expiry date yet
 * gets it: per contractor, one notification to its admins listing them. Each (accreditation,
 * threshold, expiry) is claimed by a unique row in the same transaction as the notification,
 * so a restart, a retry or a second process never reminds twice. Returns how many were sent.
 */
export async function runAccreditationReminders(db: Db, now = new Date()): Promise<number> {
  const today = flagDay(now);
  const horizon = addCalendarDays(today, Math.max(...REMINDER_THRESHOLDS));
  const due = await db
    .select({
      id: technicianAccreditations.id,
      contractorId: technicianAccreditations.contractorId,
      technicianId: technicianAccreditations.technicianId,
      type: technicianAccreditations.type,
      expiresOn: technicianAccreditations.expiresOn,
      name: technicianName,
    })
    .from(technicianAccreditations)
    .innerJoin(technicians, eq(technicians.id, technicianAccreditations.technicianId))
    .innerJoin(users, eq(users.id, technicians.userId))
    .where(
      and(
        isNull(technicians.removedAt),
        gte(technicianAccreditations.expiresOn, today),
        lte(technicianAccreditations.expiresOn, horizon),
        // not reminded yet at the threshold it is inside now
        sql`not exists (select 1 from ${accreditationReminders} r where r.accreditation_id = ${technicianAccreditations.id}
          and r.expires_on = ${technicianAccreditations.expiresOn}
          and r.threshold_days = case when ${technicianAccreditations.expiresOn} <= ${addCalendarDays(today, REMINDER_THRESHOLDS[0])}::date
            then ${REMINDER_THRESHOLDS[0]}::int else ${REMINDER_THRESHOLDS[1]}::int end)`,
      ),
    )
    .orderBy(asc(technicianAccreditations.contractorId), asc(technicianAccreditations.expiresOn))
    .limit(5000);
  const byContractor = new Map<string, typeof due>();
  for (const row of due) byContractor.set(row.contractorId, [...(byContractor.get(row.contractorId) ?? []), row]);
  let sent = 0;
  for (const [contractorId, rows] of byContractor) {
    sent += await runInTransaction(db, async (tx) => {
      const claimed: typeof rows = [];
      for (const row of rows) {
        const threshold = reminderThreshold(row.expiresOn!, today);
        if (threshold === null) continue;
        const [won] = await tx
          .insert(accreditationReminders)
          .values({ id: createId(), accreditationId: row.id, contractorId, thresholdDays: threshold, expiresOn: row.expiresOn! })
          .onConflictDoNothing()
          .returning({ id: accreditationReminders.id });
        if (won) claimed.push(row);
      }
      if (claimed.length === 0) return 0;
      const lines = claimed.map((r) => `${r.name}: ${accreditationLabels[r.type]} expires on ${r.expiresOn}`);
      await notify(tx, {
        userIds: await listContractorAdminUserIds(tx, contractorId),
        contractorId,
        type: 'accreditation.expiring',
        title:
          claimed.length === 1
            ? `${claimed[0]!.name}'s ${accreditationLabels[claimed[0]!.type]} expires on ${claimed[0]!.expiresOn}`
            : `${claimed.length} accreditations expire soon`,
        body: `${lines.join('; ')}. Add the renewed accreditation in Team, or assign other technicians to jobs that need it.`,
        link: claimed.length === 1 ? `/portal/team/technicians/${claimed[0]!.technicianId}` : '/portal/team',
      });
      return claimed.length;
    });
  }
  return sent;
}
