import { type Config, replyDomainOf, serverSecret } from './config.ts';
import type { Database } from './db/client.ts';
import { refreshStatistics } from './db/maintenance.ts';
import { sweepIdempotencyKeys } from './http/idempotency.store.ts';
import type { Logger } from './lib/logger.ts';
import { createMailer } from './lib/mailer.ts';
import type { Queue } from './lib/queue.ts';
import { pruneRateLimits } from './lib/rate-limit.ts';
import { clearStorageTemp } from './lib/storage.ts';
import { pruneLiveEvents } from './modules/live/live.events.ts';
import { runMilestoneTimers } from './modules/milestones/milestones.timers.ts';
import { startEmailDelivery } from './modules/notifications/notifications.delivery.ts';

const MILESTONE_TIMERS_JOB = 'milestones.timers';
const STATISTICS_JOB = 'database.statistics';
const PRUNE_JOB = 'maintenance.prune';
/** With PostgreSQL another process may share the files directory: leave its fresh uploads alone. */
export const TEMP_FILE_MAX_AGE_MS = 60 * 60_000;

/**
 * The server's background jobs on the queue (main.ts, once the queue runs): email delivery,
 * notification emails, milestone timers, accreditation reminders, the planner's statistics and the
 * hourly prune (rate limits, idempotency keys, live events, temporary upload files).
 */
export async function registerBackgroundJobs(
  queue: Queue,
  { config, database, logger, filesRoot }: { config: Config; database: Database; logger: Logger; filesRoot: string },
): Promise<void> {
  const mailer = createMailer(config.SMTP_URL, config.MAIL_FROM);
  await startEmailDelivery(queue, database.db, mailer, { logger });
  const { startNotificationEmails } = await import('./modules/notifications/notifications.emails.ts');
  await startNotificationEmails(queue, database.db, {
    publicUrl: config.publicUrl,
    secret: serverSecret(config),
    replyDomain: replyDomainOf(config),
    logger,
  });
  await queue.work(MILESTONE_TIMERS_JOB, async () => {
    const result = await runMilestoneTimers(database.db);
    if (result.approved + result.reminded > 0) logger.info(result, 'milestone timers ran');
  });
  await queue.schedule(MILESTONE_TIMERS_JOB, '*/10 * * * *');
  const reminders = await import('./modules/technicians/technicians.reminders.ts');
  await queue.work(reminders.ACCREDITATION_REMINDERS_JOB, async () => {
    const sent = await reminders.runAccreditationReminders(database.db);
    if (sent > 0) logger.info({ sent }, 'accreditation expiry reminders sent');
  });
  // Hourly: each (accreditation, threshold, expiry) is claimed once, so the repeats send nothing twice.
  await queue.schedule(reminders.ACCREDITATION_REMINDERS_JOB, '23 * * * *');
  await queue.work(STATISTICS_JOB, () => refreshStatistics(database));
  await queue.schedule(STATISTICS_JOB, '17 * * * *');
  await queue.send(STATISTICS_JOB, {});
  await queue.work(PRUNE_JOB, async () => {
    await pruneRateLimits(database.db);
    await sweepIdempotencyKeys(database.db);
    await pruneLiveEvents(database.db);
    await clearStorageTemp(filesRoot, TEMP_FILE_MAX_AGE_MS);
  });
  await queue.schedule(PRUNE_JOB, '43 * * * *');
}
