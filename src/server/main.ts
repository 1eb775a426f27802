import module from 'node:module';
import path from 'node:path';
import { hasDevMailbox, readConfig, replyDomainOf, serverSecret } from './config.ts';
import { startPglite } from './db/pglite.start.ts';
import type { InFlightRequest } from './http/in-flight.plugin.ts';
import type { Queue } from './lib/queue.ts';
import { describeStartupError } from './startup.errors.ts';

/** read config → open db (lock) → migrate → seed on first start → build app → listen; graceful shutdown. */
async function main(): Promise<void> {
  const started = performance.now();
  // Node 22+ keeps the compiled code of what it loads next (the app's chunks) on disk, in the
  // system's temporary directory: a restart skips compiling it. (Node 20 has no such cache.)
  (module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  const config = readConfig();
  startupSettings = { databaseUrl: config.DATABASE_URL, port: config.PORT, host: config.HOST };
  // The embedded database starts on its own thread first; this one then loads the application
  // (its modules are only imported from here on: main.ts itself imports little), and builds it.
  const pglite = config.DATABASE_URL ? undefined : startPglite(config.dataDir);
  const [
    database,
    { createLogger },
    { buildApp },
    { describeDemo, isEmpty, seedDemo },
    notifications,
    { deferQueue, startQueue },
    { clearStorageTemp, createDiskStorage },
    { registerBackgroundJobs, TEMP_FILE_MAX_AGE_MS },
  ] = await Promise.all([
    import('./db/client.ts').then(({ openDatabase }) =>
      openDatabase({ databaseUrl: config.DATABASE_URL, started: pglite, startInBackground: true }),
    ),
    import('./lib/logger.ts'),
    import('./app.ts'),
    import('./demo/demo.seed.ts'),
    import('./modules/notifications/notifications.service.ts'),
    import('./lib/queue.ts'),
    import('./lib/storage.ts'),
    import('./background.jobs.ts'),
  ]);
  const logger = createLogger(config.LOG_LEVEL);
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
      // A queue still starting is let finish, then stopped: closing the database under its start
      // would fail its queries (logged as errors) on the way out.
      await queueStarted;
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
  /** Settles when the background jobs have started or failed to (never rejects). */
  let queueStarted: Promise<void> | undefined;
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
  queueStarted = starting
    .then(async (started) => {
      queue = started;
      await registerBackgroundJobs(started, { config, database, logger, filesRoot });
      logger.info({ ms: Math.round(performance.now() - jobsStarted) }, 'background jobs are running');
    })
    .catch((error: unknown) => {
      // Once a shutdown has begun, the shutdown decides how the process ends.
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
