import { sweepIdempotencyKeys } from './http/idempotency.store.ts';
import module from 'node:module';
import path from 'node:path';
import { hasDevMailbox, readConfig, replyDomainOf, serverSecret } from './config.ts';
import { openDatabase } from './db/client.ts';
import { refreshStatistics } from './db/maintenance.ts';
import type { InFlightRequest } from './http/in-flight.plugin.ts';
import { createLogger } from './lib/logger.ts';
import { createMailer } from './lib/mailer.ts';
import { pruneRateLimits } from './lib/rate-limit.ts';
import { deferQueue, type Queue, startQueue } from './lib/queue.ts';
import { clearStorageTemp, createDiskStorage } from './lib/storage.ts';
import { pruneLiveEvents } from './modules/live/live.events.ts';
import { describeStartupError } from './startup.errors.ts';

const MILESTONE_TIMERS_JOB = 'milestones.timers';
const STATISTICS_JOB = 'database.statistics';
const PRUNE_JOB = 'maintenance.prune';
/** With PostgreSQL another process may share the files directory: leave its fresh uploads alone. */
const TEMP_FILE_MAX_AGE_MS = 60 * 60_000;

/** read config → open db (lock) → migrate → seed on first start → build app → listen; graceful shutdown. */
async function main(): Promise<void> {
  const started = performance.now();
  // Node 22+ keeps the compiled code of what it loads next (the app's chunks) on disk, in the
  // system's temporary directory: a restart skips compiling it. (Node 20 has no such cache.)
  (module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  const config = readConfig();
  startupSettings = { databaseUrl: config.DATABASE_URL, port: config.PORT, host: config.HOST };
  const logger = createLogger(config.LOG_LEVEL);
  // The embedded database starts on its own thread while this one loads and builds the application.
  const [database, { buildApp }, { describeDemo, isEmpty, seedDemo }, { runMilestoneTimers }, { startEmailDelivery }, notifications] =
    await Promise.all([
      openDatabase({
        databaseUrl: config.DATABASE_URL,
        dataDir: config.DATABASE_URL ? undefined : config.dataDir,
        startInBackground: true,
      }),
      import('./app.ts'),
      import('./demo/demo.seed.ts'),
      import('./modules/milestones/milestones.timers.ts'),
      import('./modules/notifications/notifications.delivery.ts'),
      import('./modules/notifications/notifications.service.ts'),
    ]);
  const { connectOutbox } = notifications;
  let ready = false;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    ready = false;
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    const force = setTimeout(() => {
      const cut = inFlight?.() ?? [];
      logger.error(
        { graceSeconds: config.SHUTDOWN_GRACE_SECONDS, cut: cut.length, requests: cut.slice(0, 50) },
        `shutdown grace period (SHUTDOWN_GRACE_SECONDS=${config.SHUTDOWN_GRACE_SECONDS}) is over: forcing exit, cutting ${cut.length} request(s) in flight`,
      );
      process.exit(1);
    }, config.SHUTDOWN_GRACE_SECONDS * 1000);
    force.unref();
    try {
      await app?.close();
      await inbound?.close();
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
  let queue: Queue | undefined;
  let inbound: { port: number; close(): Promise<void> } | undefined;
  let inFlight: (() => InFlightRequest[]) | undefined;
  // How long each step of the start took (in the "ready" log line): what to look at when a start is slow.
  const phases: Record<string, number> = { open: Math.round(performance.now() - started) };
  const phase = async <T>(name: string, step: () => Promise<T>): Promise<T> => {
    const at = performance.now();
    try {
      return await step();
    } finally {
      phases[name] = Math.round(performance.now() - at);
    }
  };
  const registerJobs = async (queue: Queue) => {
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
  };
  const filesRoot = path.join(config.dataDir, 'files');

  // Uploads cut short by a crash left temporary files; the PGlite lock means no other process writes here.
  const cleared = await clearStorageTemp(filesRoot, database.kind === 'pglite' ? 0 : TEMP_FILE_MAX_AGE_MS);
  if (cleared.files > 0) logger.info(cleared, 'removed temporary files left by interrupted uploads');
  const storage = createDiskStorage(filesRoot);
  // Side by side: the database's work (its start, migrations, the demo on a first start: mostly
  // on the database's thread) and the app's (this thread: routes, schemas; its onReady hooks,
  // which read tables, wait for the migrations).
  const migrated = (async () => {
    await phase('database', () => database.ping());
    await phase('migrate', () => database.migrate());
  })();
  const buildTheApp = async () => {
    ({ app, inFlight } = await buildApp({ config, database, storage, logger, isReady: () => ready, migrated }));
  };
  let firstStart = false;
  const prepareDatabase = async () => {
    await migrated;
    firstStart = await isEmpty(database.db);
    if (firstStart && config.PORTICO_DEMO) await phase('demo', () => seedDemo(database.db, storage));
  };
  await Promise.all([prepareDatabase(), phase('app', buildTheApp)]);
  // Background jobs start while the server starts listening: no request needs them to be running,
  // and what a request queues meanwhile (an email after its commit) waits for the start.
  const jobsStarted = performance.now();
  const starting = startQueue(database.raw, logger);
  connectOutbox(deferQueue(starting), { coalesceSeconds: config.NOTIFICATION_EMAIL_DELAY_SECONDS });
  starting
    .then(async (started) => {
      queue = started;
      await registerJobs(started);
      logger.info({ ms: Math.round(performance.now() - jobsStarted) }, 'background jobs are running');
    })
    .catch((error: unknown) => {
      // A shutdown while the queue was starting closes the database under it: not a failure.
      if (!stopping) exitOnStartError(error);
    });
  await phase('listen', () => app!.listen({ port: config.PORT, host: config.HOST }));
  const replyDomain = replyDomainOf(config);
  if (config.SMTP_INBOUND_PORT !== undefined && replyDomain) {
    // Replies by email: an SMTP listener that posts a reply to a signed reply address as a message.
    const [{ startInboundMail }, { createReplyHandler }] = await Promise.all([
      import('./modules/inbound-mail/inbound-mail.server.ts'),
      import('./modules/inbound-mail/inbound-mail.service.ts'),
    ]);
    inbound = await phase('inbound', () =>
      startInboundMail({
        port: config.SMTP_INBOUND_PORT!,
        host: config.HOST,
        secret: serverSecret(config),
        domain: replyDomain,
        db: database.db,
        handler: createReplyHandler(database.db),
        logger,
      }),
    );
    logger.info({ port: inbound.port, domain: replyDomain }, 'listening for replies by email');
  }
  ready = true;
  const ms = Math.round(performance.now() - started);
  const devMailbox = hasDevMailbox(config);
  logger.info({ ms, phases, database: database.kind, url: config.publicUrl }, 'Portico is ready');
  console.log(
    `\nPortico is ready on ${config.publicUrl} (${database.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'}, started in ${ms} ms)`,
  );
  if (config.PORTICO_DEMO && (firstStart || config.NODE_ENV !== 'production')) console.log(describeDemo(config.publicUrl, devMailbox));
  if (devMailbox) console.log(`Emails go to the dev mailbox: ${config.publicUrl}/dev/mailbox`);
}

let startupSettings: Parameters<typeof describeStartupError>[1] = {};

function exitOnStartError(error: unknown): never {
  const line = describeStartupError(error, startupSettings);
  if (line) {
    console.error(line);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
}

main().catch(exitOnStartError);
