import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { buildServer, openDatabase, type Database } from '../../server/index';
import { postgresRateLimit } from '../../server/rate-limit-store';
import { Seat, createSite, startServer, type TestServer } from './helpers';
import { PG_SKIP_MESSAGE, findPostgresBin, startPostgres, type PgCluster } from './pg-cluster';

const bin = findPostgresBin();
if (!bin) console.log(PG_SKIP_MESSAGE);

const LIMIT = { max: 3, timeWindowMs: 60_000 };

/** Two API nodes on one PostgreSQL, as behind a load balancer. */
describe.skipIf(!bin)('rate limit shared by API nodes (PostgreSQL store)', () => {
  let cluster: PgCluster;
  let db: Database;
  const servers: TestServer[] = [];
  const node = async (options: Parameters<typeof startServer>[1]) => {
    const server = await startServer(db, options);
    servers.push(server);
    return server.url;
  };

  /** Sites and seats are made through an unlimited node: the limited ones count only what the tests count. */
  let setup: string;
  const enroll = async () => Seat.enroll(setup, await createSite(setup));
  /** The same device (token) talking to another node. */
  const via = (url: string, seat: Seat) => new Seat(url, seat.deviceId, seat.token, seat.epoch);

  beforeAll(async () => {
    cluster = await startPostgres(bin ?? '');
    db = await openDatabase({ databaseUrl: cluster.url, poolSize: 4 });
    setup = await node({ rateLimit: false });
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
    await db?.close();
    await cluster?.stop();
  });

  it('a device that used up its limit on one node gets 429 from the other; another device is unaffected', async () => {
    const [first, second] = [
      await node({ rateLimit: LIMIT, rateLimitStore: 'postgres' }),
      await node({ rateLimit: LIMIT, rateLimitStore: 'postgres' }),
    ];
    const [seat, other] = [await enroll(), await enroll()];
    for (let i = 0; i < LIMIT.max; i++) expect((await via(first, seat).pull()).status).toBe(200);
    const refused = await via(second, seat).pull();
    expect(refused).toMatchObject({ status: 429, body: { error: 'rate_limited' } });
    expect((await via(first, seat).pull()).status).toBe(429);
    expect((await via(second, other).pull()).status).toBe(200);
  });

  it('requests counted at the same moment on both nodes each count once: exactly max get through', async () => {
    const [first, second] = [
      await node({ rateLimit: { max: 10, timeWindowMs: 60_000 }, rateLimitStore: 'postgres' }),
      await node({ rateLimit: { max: 10, timeWindowMs: 60_000 }, rateLimitStore: 'postgres' }),
    ];
    const seat = await enroll();
    const replies = await Promise.all(
      Array.from({ length: 24 }, (_, i) => via(i % 2 ? first : second, seat).pull()),
    );
    expect(replies.filter((reply) => reply.status === 200)).toHaveLength(10);
    expect(replies.filter((reply) => reply.status === 429)).toHaveLength(14);
  });

  it('with the default in-memory store each node counts alone (why the shared store exists)', async () => {
    const [first, second] = [await node({ rateLimit: LIMIT }), await node({ rateLimit: LIMIT })];
    const seat = await enroll();
    for (let i = 0; i < LIMIT.max; i++) expect((await via(first, seat).pull()).status).toBe(200);
    expect((await via(first, seat).pull()).status).toBe(429);
    expect((await via(second, seat).pull()).status).toBe(200);
  });

  it('a window that ended starts again, and the sweep deletes only windows that ended', async () => {
    const url = await node({ rateLimit: { max: 2, timeWindowMs: 300 }, rateLimitStore: 'postgres' });
    const seat = via(url, await enroll());
    expect((await seat.pull()).status).toBe(200);
    expect((await seat.pull()).status).toBe(200);
    expect((await seat.pull()).status).toBe(429);
    await new Promise((done) => setTimeout(done, 400));
    expect((await seat.pull()).status).toBe(200);

    await db.query(
      `INSERT INTO rate_limits (key, hits, window_ends) VALUES
         ('test ended', 5, now() - interval '2 minutes'), ('test live', 5, now() + interval '1 minute')`,
    );
    expect(await postgresRateLimit(db).sweep()).toBeGreaterThanOrEqual(1);
    const left = await db.query<{ key: string }>(`SELECT key FROM rate_limits WHERE key LIKE 'test %'`);
    expect(left.map((row) => row.key)).toEqual(['test live']);
  });
});

describe('rate limit store on the embedded database', () => {
  it('is refused with a clear message: one embedded database serves one node', async () => {
    const db = await openDatabase();
    try {
      await expect(
        buildServer({ db, logger: pino({ level: 'silent' }), rateLimitStore: 'postgres' }),
      ).rejects.toThrow(/needs PostgreSQL/);
    } finally {
      await db.close();
    }
  });
});
