import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../server/index';
import { warmUpPushPath } from '../../server/sync/warm-up';
import { Seat, callLog, createSite, startServer, type Site, type TestServer } from './helpers';
import { PG_SKIP_MESSAGE, findPostgresBin, startPostgres } from './pg-cluster';

/**
 * The warm-up a server runs before it opens its port (server/cli.ts): made-up pushes through the real push path,
 * rolled back. It must push for real (or it warms nothing) and leave nothing behind: no site, device or row, and the
 * seats' pull cursors taken before a restart still lead to exactly the changes that were really pushed.
 */
const bin = findPostgresBin();
if (!bin) console.log(PG_SKIP_MESSAGE);

const backends = [
  { name: 'PGlite', skip: false, open: () => openDatabase() },
  {
    name: 'PostgreSQL',
    skip: !bin,
    open: async (): Promise<Database> => {
      const cluster = await startPostgres(bin ?? '');
      const db = await openDatabase({ databaseUrl: cluster.url });
      return { ...db, close: () => db.close().finally(() => cluster.stop()) };
    },
  },
];

const TABLES = ['sites', 'devices', 'device_epochs', 'records', 'events', 'changes', 'quarantine'] as const;

async function rowCounts(db: Database): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    counts[table] = row?.n ?? -1;
  }
  return counts;
}

describe.each(backends)('push path warm-up on $name', ({ skip, open }) => {
  let db: Database;
  let server: TestServer;
  let site: Site;

  beforeAll(async () => {
    if (skip) return;
    db = await open();
    server = await startServer(db);
    site = await createSite(server.url);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  it.skipIf(skip)('applies every made-up mutation and leaves no row behind', async () => {
    const seat = await Seat.enroll(server.url, site);
    expect((await seat.push([seat.upsertCall(callLog())])).status).toBe(200);
    const before = await rowCounts(db);

    const applied = await warmUpPushPath(db, { groups: 3, seatsPerGroup: 6, mutationsPerPush: 10 });

    expect(applied).toBe(3 * 6 * 10);
    expect(await rowCounts(db)).toEqual(before);
  });

  it.skipIf(skip)(
    'a seat pulls exactly what was pushed around a restart, from the start or its cursor',
    async () => {
      const [writer, reader] = [await Seat.enroll(server.url, site), await Seat.enroll(server.url, site)];
      const [first, second] = [callLog({ summary: 'before the restart' }), callLog({ summary: 'after it' })];
      expect((await writer.push([writer.upsertCall(first)])).status).toBe(200);
      const beforeRestart = await reader.pullAll();
      const cursor = (await reader.pull('', 1000)).body.cursor;

      await warmUpPushPath(db, { groups: 2, seatsPerGroup: 4, mutationsPerPush: 5 });
      expect((await writer.push([writer.upsertCall(second)])).status).toBe(200);

      const all = await reader.pullAll();
      expect(all.map((change) => change.entityId)).toEqual([
        ...beforeRestart.map((change) => change.entityId),
        second.id,
      ]);
      expect(all.some((change) => JSON.stringify(change.data).includes('预热'))).toBe(false);
      const since = await reader.pull(cursor, 1000);
      expect(since.body.changes.map((change) => change.entityId)).toEqual([second.id]);
    },
  );
});
