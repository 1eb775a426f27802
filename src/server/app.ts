import { statfs } from 'node:fs/promises';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { type Config, hasDevMailbox } from './config.ts';
import type { Database } from './db/client.ts';
import { registerErrorHandler } from './http/errors.plugin.ts';
import { registerIdempotency } from './http/idempotency.plugin.ts';
import { createResponseSerializerCompiler } from './http/response.serializer.ts';
import { type InFlightRequest, registerInFlightTracking } from './http/in-flight.plugin.ts';
import { registerTextGuard } from './http/text-guard.plugin.ts';
import { registerOpenApi } from './http/openapi.plugin.ts';
import { registerRouteAuth } from './http/route-auth.plugin.ts';
import { registerSecurity } from './http/security.plugin.ts';
import { registerCompression } from './http/compress.plugin.ts';
import { registerStaticWeb } from './http/static.plugin.ts';
import { registerVersionHeaders } from './http/versions.plugin.ts';
import { createId } from './lib/ids.ts';
import type { Logger } from './lib/logger.ts';
import type { Storage } from './lib/storage.ts';
import { registerAuditRoutes } from './modules/audit/audit.routes.ts';
import { type Auth, createAuth, trustedOrigins } from './modules/auth/auth.better.ts';
import { registerAuthRoutes } from './modules/auth/auth.routes.ts';
import { registerDeliveryRoutes } from './modules/deliveries/deliveries.routes.ts';
import { registerContractRoutes } from './modules/contracts/contracts.routes.ts';
import { registerEngagementRoutes } from './modules/engagements/engagements.routes.ts';
import { registerFileRoutes } from './modules/files/files.routes.ts';
import { registerHealthRoutes, type StatFs } from './modules/health/health.routes.ts';
import { registerHomeRoutes } from './modules/home/home.routes.ts';
import { registerMessageRoutes } from './modules/messages/messages.routes.ts';
import { registerMoneyRoutes } from './modules/money/money.routes.ts';
import { registerInvitationRoutes } from './modules/invitations/invitations.routes.ts';
import { registerLiveRoutes } from './modules/live/live.routes.ts';
import { registerJobEventRoutes } from './modules/jobs/job-events.routes.ts';
import { registerJobTemplateRoutes } from './modules/jobs/job-templates.routes.ts';
import { registerJobRoutes } from './modules/jobs/jobs.routes.ts';
import { registerJobDeskRoutes } from './modules/jobs/jobs.desk.routes.ts';
import { registerInvoiceRoutes } from './modules/invoices/invoices.routes.ts';
import { registerMilestoneRoutes } from './modules/milestones/milestones.routes.ts';
import { registerSiteWorkRoutes } from './modules/site-work/site-work.routes.ts';
import { registerTechnicianRoutes } from './modules/technicians/technicians.routes.ts';
import { registerJobStaffingRoutes } from './modules/jobs/job-staffing.routes.ts';
import { registerNotificationRoutes } from './modules/notifications/notifications.routes.ts';
import { registerOrganizationRoutes } from './modules/organizations/organizations.routes.ts';
import { registerPaymentRoutes } from './modules/payments/payments.routes.ts';

export interface AppDeps {
  config: Config;
  database: Database;
  storage: Storage;
  logger?: Logger | false;
  isReady?: () => boolean;
  /** Disk space of the data directory, for /ready (default: fs.promises.statfs). */
  statfs?: StatFs;
  /**
   * The routes are built at once, but the app's onReady hooks read the database (the session
   * cache's and the live streams' starting points): they wait for this (main.ts builds the app
   * while the migrations run).
   */
  migrated?: Promise<unknown>;
  /** Each response also written by Zod's encode and compared (the test suite's apps): src/server/http/response.serializer.ts. */
  verifyResponses?: boolean;
}

export interface App {
  app: FastifyInstance;
  auth: Auth;
  /** The requests being served right now (what a forced shutdown would cut). */
  inFlight: () => InFlightRequest[];
}

/** Builds the whole HTTP application: what main.ts serves and what tests inject into. */
export async function buildApp(deps: AppDeps): Promise<App> {
  const { config, database } = deps;
  const db = database.db;
  const app = Fastify({
    loggerInstance: deps.logger || undefined,
    logger: deps.logger === false ? false : undefined,
    genReqId: () => createId(),
    requestIdHeader: false,
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
    ajv: { customOptions: { removeAdditional: false } },
  }) as unknown as FastifyInstance;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(createResponseSerializerCompiler({ verify: deps.verifyResponses ?? false }));

  const auth = createAuth(db, config);
  registerErrorHandler(app);
  const inFlight = registerInFlightTracking(app);
  // Before any route: it attaches itself to each route as the route is added.
  await registerCompression(app);
  registerSecurity(app, { trustedOrigins: trustedOrigins(config), secure: config.secure });
  registerTextGuard(app);
  registerRouteAuth(app, { db, auth, sessionMaxDays: config.SESSION_MAX_DAYS });
  registerVersionHeaders(app);
  // After route auth: a key belongs to the signed-in user.
  registerIdempotency(app, { db });
  await registerOpenApi(app);
  await app.register(multipart, { limits: { fileSize: config.UPLOAD_MAX_BYTES, files: 1 } });

  const publicUrl = config.publicUrl;
  registerHealthRoutes(app, {
    database,
    isReady: deps.isReady ?? (() => true),
    dataDir: config.dataDir,
    minFreeBytes: config.READY_MIN_FREE_MB * 1024 * 1024,
    statfs: deps.statfs ?? statfs,
  });
  await registerAuthRoutes(app, { db, auth, publicUrl });
  registerInvitationRoutes(app, { db, auth, publicUrl });
  registerOrganizationRoutes(app, { db });
  registerEngagementRoutes(app, { db });
  registerContractRoutes(app, { db });
  registerMilestoneRoutes(app, { db });
  registerPaymentRoutes(app, { db });
  registerTechnicianRoutes(app, { db, publicUrl });
  registerJobRoutes(app, { db });
  registerJobEventRoutes(app, { db });
  registerJobTemplateRoutes(app, { db });
  registerJobStaffingRoutes(app, { db });
  registerJobDeskRoutes(app, { db });
  registerHomeRoutes(app, { db });
  registerMoneyRoutes(app, { db });
  registerMessageRoutes(app, { db });
  // The dev mailbox shows sign-in links: only without real email, never in production, only to this machine.
  registerNotificationRoutes(app, { db, devMailbox: hasDevMailbox(config) });
  registerAuditRoutes(app, { db });
  registerLiveRoutes(app, { database });
  registerDeliveryRoutes(app, { db });
  registerFileRoutes(app, { db, storage: deps.storage, maxBytes: config.UPLOAD_MAX_BYTES });
  registerInvoiceRoutes(app, { db, storage: deps.storage });
  registerSiteWorkRoutes(app, { db, storage: deps.storage });
  await registerStaticWeb(app);
  await deps.migrated;
  await app.ready();
  return { app, auth, inFlight };
}
