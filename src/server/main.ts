import path from 'node:path';
import { ConfigError, hasDevMailbox, readConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { DataDirLockedError } from './db/lock.ts';
import { refreshStatistics } from './db/maintenance.ts';
import { createLogger } from './lib/logger.ts';
import { createMailer } from './lib/mailer.ts';
import { startQueue } from './lib/queue.ts';
import { createDiskStorage } from './lib/storage.ts';

const MILESTONE_TIMERS_JOB = 'milestones.timers';
const STATISTICS_JOB = 'database.statistics';

/** read config → open db (lock) → migrate → seed on first start → build app → listen; graceful shutdown. */
async function main(): Promise<void> {
  const started = performance.now();
  const config = readConfig();
  const logger = createLogger(config.LOG_LEVEL);
  // The embedded database starts on its own thread while this one loads the application.
  const [database, { buildApp }, { describeDemo, isEmpty, seedDemo }, { runMilestoneTimers }, notifications] = await Promise.all([
    openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATABASE_URL ? undefined : config.dataDir }),
    import('./app.ts'),
    import('./demo/demo.seed.ts'),
    import('./modules/milestones/milestones.service.ts'),
    import('./modules/notifications/notifications.service.ts'),
  ]);
  const { connectOutbox, DIGEST_JOB, deliverEmail, EMAIL_JOB, emailPendingNotifications } = notifications;
  let ready = false;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    ready = false;
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await app?.close();
      await queue?.stop();
    } finally {
      await database.close();
      logger.info('stopped');
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  let app: Awaited<ReturnType<typeof buildApp>>['app'] | undefined;
  let queue: Awaited<ReturnType<typeof startQueue>> | undefined;
  await database.migrate();
  const firstStart = await isEmpty(database.db);
  if (firstStart && config.PORTICO_DEMO) await seedDemo(database.db);

  queue = await startQueue(database.raw, logger);
  const mailer = createMailer(config.SMTP_URL, config.MAIL_FROM);
  connectOutbox(queue);
  await queue.work(EMAIL_JOB, async (data) => deliverEmail(database.db, mailer, String(data.emailId)));
  await queue.work(DIGEST_JOB, async (data) => {
    await emailPendingNotifications(database.db, config.publicUrl, String(data.userId));
  });
  await queue.work(MILESTONE_TIMERS_JOB, async () => {
    const result = await runMilestoneTimers(database.db);
    if (result.approved + result.reminded > 0) logger.info(result, 'milestone timers ran');
  });
  await queue.schedule(MILESTONE_TIMERS_JOB, '*/10 * * * *');
  await queue.work(STATISTICS_JOB, () => refreshStatistics(database));
  await queue.schedule(STATISTICS_JOB, '17 * * * *');
  await queue.send(STATISTICS_JOB, {});

  const storage = createDiskStorage(path.join(config.dataDir, 'files'));
  ({ app } = await buildApp({ config, database, storage, logger, isReady: () => ready }));
  await app.listen({ port: config.PORT, host: config.HOST });
  ready = true;
  const ms = Math.round(performance.now() - started);
  const devMailbox = hasDevMailbox(config);
  logger.info({ ms, database: database.kind, url: config.publicUrl }, 'Portico is ready');
  console.log(`\nPortico is ready on ${config.publicUrl} (${database.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'}, started in ${ms} ms)`);
  if (config.PORTICO_DEMO && (firstStart || config.NODE_ENV !== 'production')) console.log(describeDemo(config.publicUrl, devMailbox));
  if (devMailbox) console.log(`Emails go to the dev mailbox: ${config.publicUrl}/dev/mailbox`);
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
