import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { RATE_LIMIT_STORES, buildServer, type RateLimitStoreKind } from './app';
import { openDatabase } from './db/database';
import { warmUpPushPath } from './sync/warm-up';
import { createLogger } from './logger';
import { parseTrustProxy, type TrustProxy } from './proxy';

/**
 * tsx server/cli.ts --host 127.0.0.1 --port 8787 --data ./data/central [--trust-proxy 1] [--rate-limit-store postgres]
 * Environment: DATABASE_URL (use PostgreSQL instead of the embedded database), DATABASE_POOL_SIZE (connections to
 * it, default 10), FLOORGUARD_PUSH_TRANSACTIONS (push transactions at once, default half the pool),
 * FLOORGUARD_ADMIN_TOKEN (enables the admin API), FLOORGUARD_RATE_LIMIT (requests per device per minute, 0 = off),
 * FLOORGUARD_RATE_LIMIT_STORE (as --rate-limit-store: `memory`, per node, the default; `postgres`, shared by every
 * node on DATABASE_URL), FLOORGUARD_TRUST_PROXY (as --trust-proxy: true, a hop count, or proxy addresses/CIDRs),
 * LOG_LEVEL.
 */
const { values } = parseArgs({
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '8787' },
    data: { type: 'string', default: './data/central' },
    'trust-proxy': { type: 'string' },
    'rate-limit-store': { type: 'string' },
  },
  strict: true,
});

const logger = createLogger();
const isRateLimitStore = (value: string): value is RateLimitStoreKind =>
  (RATE_LIMIT_STORES as readonly string[]).includes(value);
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  logger.fatal({ port: values.port }, 'invalid --port');
  process.exit(2);
}

let trustProxy: TrustProxy;
try {
  trustProxy = parseTrustProxy(values['trust-proxy'] ?? process.env.FLOORGUARD_TRUST_PROXY);
} catch (error) {
  logger.fatal({ err: { message: (error as Error).message } }, 'invalid --trust-proxy');
  process.exit(2);
}
const poolSize = Number(process.env.DATABASE_POOL_SIZE || '10');
if (!Number.isInteger(poolSize) || poolSize < 1) {
  logger.fatal({ poolSize: process.env.DATABASE_POOL_SIZE }, 'invalid DATABASE_POOL_SIZE');
  process.exit(2);
}

const pushTransactions = Number(process.env.FLOORGUARD_PUSH_TRANSACTIONS || '0');
if (!Number.isInteger(pushTransactions) || pushTransactions < 0) {
  logger.fatal(
    { pushTransactions: process.env.FLOORGUARD_PUSH_TRANSACTIONS },
    'invalid FLOORGUARD_PUSH_TRANSACTIONS',
  );
  process.exit(2);
}

const rateLimitStore = values['rate-limit-store'] ?? process.env.FLOORGUARD_RATE_LIMIT_STORE ?? 'memory';
if (!isRateLimitStore(rateLimitStore)) {
  logger.fatal({ rateLimitStore }, `invalid --rate-limit-store: one of ${RATE_LIMIT_STORES.join(', ')}`);
  process.exit(2);
}

const databaseUrl = process.env.DATABASE_URL || undefined;
if (rateLimitStore === 'postgres' && !databaseUrl) {
  logger.fatal('--rate-limit-store postgres needs DATABASE_URL: the embedded database serves a single node');
  process.exit(2);
}
const dataDir = resolve(values.data);
const started = Date.now();
const db = await openDatabase(databaseUrl ? { databaseUrl, poolSize } : { dataDir });
logger.info(
  { storage: db.kind, ...(databaseUrl ? {} : { dataDir }), ms: Date.now() - started },
  'database ready',
);
if (!databaseUrl) {
  // PGlite runs PostgreSQL with fsync off (its file system layer has no fsync): a killed process loses nothing, a
  // power cut or an OS crash of this server can lose pushes it has already acknowledged to the seats.
  logger.warn(
    'embedded database: writes are not fsynced, so a power cut of this server can lose acknowledged pushes; ' +
      'for a production centre set DATABASE_URL (PostgreSQL)',
  );
}

// A restarted centre meets its floor's reconnect burst first: the push path is warmed up before the port opens
// (made-up pushes, rolled back; a cold burst ran about twice as slow). Only ever a cost, never a reason not to start.
const warming = Date.now();
try {
  const mutations = await warmUpPushPath(db);
  logger.info({ mutations, ms: Date.now() - warming }, 'push path warmed up (made-up pushes, rolled back)');
} catch (error) {
  logger.warn({ err: error }, 'push path warm-up failed: starting cold');
}

const adminToken = process.env.FLOORGUARD_ADMIN_TOKEN || undefined;
if (!adminToken) logger.warn('FLOORGUARD_ADMIN_TOKEN not set: admin endpoints are disabled');
const limit = Number(process.env.FLOORGUARD_RATE_LIMIT ?? '');
const holdCommitMs = Number(process.env.FLOORGUARD_TEST_HOLD_COMMIT_MS ?? '');

const app = await buildServer({
  db,
  adminToken,
  logger,
  trustProxy,
  rateLimitStore,
  ...(pushTransactions > 0 ? { pushTransactions } : {}),
  ...(Number.isFinite(limit) && process.env.FLOORGUARD_RATE_LIMIT
    ? { rateLimit: limit > 0 ? { max: limit, timeWindowMs: 60_000 } : false }
    : {}),
  // Test-only: keeps each push transaction open after its writes so a crash test can kill the process there.
  ...(holdCommitMs > 0
    ? {
        hooks: {
          beforeCommit: async () => {
            logger.warn('test hook: holding push transaction open before commit');
            await new Promise((done) => setTimeout(done, holdCommitMs));
          },
        },
      }
    : {}),
});

const url = await app.listen({ host: values.host, port });
logger.info({ url }, 'floorguard central API listening');

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  await app.close();
  await db.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
