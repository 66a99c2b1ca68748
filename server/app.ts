import rateLimitPlugin from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { HybridClock } from '@shared/sync/hlc';
import { KnownDevices } from './auth';
import type { App, ServerContext } from './context';
import type { Database } from './db/database';
import { ApiHttpError, installErrorHandlers } from './errors';
import { createLogger } from './logger';
import { postgresRateLimit, type SharedRateLimit } from './rate-limit-store';
import type { TrustProxy } from './proxy';
import { adminRoutes } from './routes/admin';
import { deviceRoutes } from './routes/devices';
import { healthRoutes } from './routes/health';
import { syncRoutes } from './routes/sync';
import type { ApplyHooks } from './sync/apply';
import { PushQueue } from './sync/push-queue';
import { startIdleCheckpoints } from './db/idle-checkpoint';

export const BODY_LIMIT = 1024 * 1024;
export const DEFAULT_RATE_LIMIT = { max: 1200, timeWindowMs: 60_000 };

export interface BuildServerOptions {
  db: Database;
  /** FLOORGUARD_ADMIN_TOKEN; without it the admin endpoints answer 403. */
  adminToken?: string | undefined;
  /** Defaults to a pino logger at LOG_LEVEL (info) with secrets redacted. */
  logger?: Logger;
  /** Requests per device (or per address before enrolment) per window; false disables it (benchmarks). */
  rateLimit?: { max: number; timeWindowMs: number } | false;
  /** Test-only fault injection into the push transaction. */
  hooks?: ApplyHooks;
  /** Proxies to believe about the client address (see proxy.ts); default: none. */
  trustProxy?: TrustProxy;
  /** Push transactions run at once; default: half the database's connections (at least 1). See pushConcurrency. */
  pushTransactions?: number;
  /**
   * Where rate-limit counters live: `memory` (default; per API node) or `postgres` (table rate_limits, shared by
   * every node on the same database; needs PostgreSQL, see rate-limit-store.ts).
   */
  rateLimitStore?: RateLimitStoreKind;
  /** Embedded database only: checkpoint it every few minutes when no push is running (default on; idle-checkpoint.ts). */
  idleCheckpoints?: boolean;
}

export const RATE_LIMIT_STORES = ['memory', 'postgres'] as const;
export type RateLimitStoreKind = (typeof RATE_LIMIT_STORES)[number];

/** How often windows that ended are deleted from the shared store. */
const RATE_LIMIT_SWEEP_MS = 60_000;

/**
 * How many push transactions may run at once. Pushes beyond them wait and are group-committed, and a group costs the
 * database less per push than the same pushes as separate transactions (measured on 2 cores with pool 4: 2 at once
 * needed 2.3 ms of PostgreSQL CPU per push against 2.7 ms for 4, medians of 9 runs). Half the pool also keeps
 * connections free for token lookups, pulls and rate-limit counts, which should not queue behind pushes.
 */
export function pushConcurrency(db: Database, configured?: number): number {
  return configured ?? Math.max(1, Math.floor(db.connections / 2));
}

/** The PostgreSQL store when asked for (refused on PGlite: one embedded database serves one node anyway). */
function sharedRateLimit(app: App, options: BuildServerOptions): SharedRateLimit | null {
  if ((options.rateLimitStore ?? 'memory') === 'memory') return null;
  if (options.db.kind !== 'postgres') {
    throw new Error(
      'the postgres rate-limit store needs PostgreSQL (DATABASE_URL); the embedded database has one node',
    );
  }
  const shared = postgresRateLimit(options.db);
  const sweep = () =>
    void shared.sweep().catch((error: unknown) => {
      app.log.warn({ err: { message: (error as Error).message } }, 'rate limit sweep failed');
    });
  const timer = setInterval(sweep, RATE_LIMIT_SWEEP_MS);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
  return shared;
}

export async function buildServer(options: BuildServerOptions): Promise<App> {
  const rateLimit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  const loggerInstance: FastifyBaseLogger = options.logger ?? createLogger();
  const app = Fastify({
    loggerInstance,
    bodyLimit: BODY_LIMIT,
    // Proxies and load balancers in front are expected; the request id is for correlating logs only.
    requestIdHeader: false,
    trustProxy: options.trustProxy ?? false,
  }).withTypeProvider<ZodTypeProvider>();

  // zod validates every request and response: unknown fields are refused and "5" stays a string, unlike Ajv's defaults.
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('device', null);
  installErrorHandlers(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Floorguard central API', version: '1.0.0' },
      components: {
        securitySchemes: {
          device: { type: 'http', scheme: 'bearer', description: 'device token from /v1/devices/enroll' },
          admin: { type: 'http', scheme: 'bearer', description: 'FLOORGUARD_ADMIN_TOKEN' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  const shared = sharedRateLimit(app, options);
  await app.register(rateLimitPlugin, {
    ...(shared ? { store: shared.store } : {}),
    global: false,
    hook: 'onRequest',
    keyGenerator: (request) => request.device?.deviceId ?? `ip:${request.ip}`,
    errorResponseBuilder: (_request, context) =>
      new ApiHttpError(429, 'rate_limited', `too many requests; retry in ${context.after}`),
  });

  const ctx: ServerContext = {
    db: options.db,
    adminToken: options.adminToken || undefined,
    clock: new HybridClock('central'),
    knownDevices: new KnownDevices(),
    pushes: new PushQueue(
      options.db,
      options.hooks ?? {},
      pushConcurrency(options.db, options.pushTransactions),
    ),
    rateLimit: rateLimit && { max: rateLimit.max, timeWindow: rateLimit.timeWindowMs },
  };
  if (options.db.kind === 'pglite' && options.idleCheckpoints !== false) {
    const checkpoints = startIdleCheckpoints({
      db: options.db,
      idle: () => ctx.pushes.idle,
      onCheckpoint: (ms) => app.log.info({ ms }, 'embedded database checkpointed'),
      onError: (error) =>
        app.log.warn({ err: { message: (error as Error).message } }, 'embedded database checkpoint failed'),
    });
    app.addHook('onClose', async () => checkpoints.stop());
  }
  await app.register(healthRoutes, ctx);
  await app.register(deviceRoutes, ctx);
  await app.register(syncRoutes, ctx);
  await app.register(adminRoutes, ctx);
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  return app;
}
