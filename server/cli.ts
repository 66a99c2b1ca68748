import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildServer } from './app';
import { openDatabase } from './db/database';
import { createLogger } from './logger';

/**
 * tsx server/cli.ts --host 127.0.0.1 --port 8787 --data ./data/central
 * Environment: DATABASE_URL (use PostgreSQL instead of the embedded database), FLOORGUARD_ADMIN_TOKEN (enables the
 * admin API), FLOORGUARD_RATE_LIMIT (requests per device per minute, 0 = off), LOG_LEVEL.
 */
const { values } = parseArgs({
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '8787' },
    data: { type: 'string', default: './data/central' },
  },
  strict: true,
});

const logger = createLogger();
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  logger.fatal({ port: values.port }, 'invalid --port');
  process.exit(2);
}

const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = resolve(values.data);
const started = Date.now();
const db = await openDatabase(databaseUrl ? { databaseUrl } : { dataDir });
logger.info(
  { storage: db.kind, ...(databaseUrl ? {} : { dataDir }), ms: Date.now() - started },
  'database ready',
);

const adminToken = process.env.FLOORGUARD_ADMIN_TOKEN || undefined;
if (!adminToken) logger.warn('FLOORGUARD_ADMIN_TOKEN not set: admin endpoints are disabled');
const limit = Number(process.env.FLOORGUARD_RATE_LIMIT ?? '');
const holdCommitMs = Number(process.env.FLOORGUARD_TEST_HOLD_COMMIT_MS ?? '');

const app = await buildServer({
  db,
  adminToken,
  logger,
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
