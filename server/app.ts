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
import type { App, ServerContext } from './context';
import type { Database } from './db/database';
import { ApiHttpError, installErrorHandlers } from './errors';
import { createLogger } from './logger';
import type { TrustProxy } from './proxy';
import { adminRoutes } from './routes/admin';
import { deviceRoutes } from './routes/devices';
import { healthRoutes } from './routes/health';
import { syncRoutes } from './routes/sync';
import type { ApplyHooks } from './sync/apply';
import { PushQueue } from './sync/push-queue';

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
  await app.register(rateLimitPlugin, {
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
    pushes: new PushQueue(options.db, options.hooks ?? {}, options.db.connections),
    rateLimit: rateLimit && { max: rateLimit.max, timeWindow: rateLimit.timeWindowMs },
  };
  await app.register(healthRoutes, ctx);
  await app.register(deviceRoutes, ctx);
  await app.register(syncRoutes, ctx);
  await app.register(adminRoutes, ctx);
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  return app;
}
