import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { HybridClock } from '@shared/sync/hlc';
import type { KnownDevices } from './auth';
import type { Database } from './db/database';
import type { PushQueue } from './sync/push-queue';

/** What every route module needs; handed to each as plugin options. */
export interface ServerContext {
  db: Database;
  adminToken: string | undefined;
  /** Stamps centrally published changes (site config). */
  clock: HybridClock;
  /** Devices recently authenticated, for the push route (see KnownDevices); a revoke forgets its device. */
  knownDevices: KnownDevices;
  /** Applies pushes, grouping those that arrive while the database is busy. */
  pushes: PushQueue;
  /** Per-route rate limit config (`config.rateLimit`), or false when disabled. */
  rateLimit: { max: number; timeWindow: number } | false;
}

/** The server instance: plain HTTP, zod as the type provider. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;
