import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/index';
import { openDatabase } from '../../server/index';
import { Seat, callLog, createSite, holdFirstCommit, startServer, type TestServer } from './helpers';
import { PG_SKIP_MESSAGE, findPostgresBin, startPostgres, type PgCluster } from './pg-cluster';

const bin = findPostgresBin();
if (!bin) console.log(PG_SKIP_MESSAGE);

/**
 * Pull order under real concurrency (PostgreSQL only: PGlite runs one transaction at a time, so a later
 * transaction can never commit before an earlier one there). The danger: two pushes of one site run at once, the
 * one with the LOWER log position commits LAST; a puller in between must not step past it.
 */
describe.skipIf(!bin)('pull never skips a change that commits late (PostgreSQL)', () => {
  let cluster: PgCluster;
  let db: Database;
  beforeAll(async () => {
    cluster = await startPostgres(bin ?? '');
    db = await openDatabase({ databaseUrl: cluster.url });
  });
  afterAll(async () => {
    await db?.close();
    await cluster?.stop();
  });

  it('a push held before COMMIT hides the later pushes of its site until it commits, then all arrive once', async () => {
    const gate = holdFirstCommit();
    const server: TestServer = await startServer(db, { rateLimit: false, hooks: gate.hooks });
    try {
      const site = await createSite(server.url);
      const [slow, fast, reader] = [
        await Seat.enroll(server.url, site),
        await Seat.enroll(server.url, site),
        await Seat.enroll(server.url, site),
      ];
      const slowBatch = [slow.upsertCall(callLog()), slow.appendEvent('inc-1', 'declared')];
      const fastBatch = [fast.upsertCall(callLog()), fast.appendEvent('inc-1', 'note')];

      const slowPush = slow.push(slowBatch); // takes its transaction id first, then waits before COMMIT
      await gate.atCommit;
      expect((await fast.push(fastBatch)).status).toBe(200); // a later transaction commits first

      const between = await reader.pull('');
      expect(between.body.changes).toEqual([]); // the fast push is committed, but not yet deliverable
      expect(between.body.hasMore).toBe(false);

      gate.release();
      expect((await slowPush).status).toBe(200);
      const after = await reader.pull(between.body.cursor);
      expect(after.body.changes.map((c) => c.hlc)).toEqual([...slowBatch, ...fastBatch].map((m) => m.hlc));
    } finally {
      gate.release();
      await server.close();
    }
  });

  it('an open transaction that wrote to the log holds pulls back without losing anything (SQL level)', async () => {
    const server = await startServer(db, { rateLimit: false });
    const early = new pg.Client({ connectionString: cluster.url });
    await early.connect();
    try {
      const site = await createSite(server.url);
      const reader = await Seat.enroll(server.url, site);
      const siteId = (
        await db.query<{ site_id: string }>('SELECT site_id FROM devices WHERE id = $1', [reader.deviceId])
      )[0]?.site_id;
      const insert = `INSERT INTO changes (site_id, ord, entity, entity_id, op, data, hlc, device_id)
                      VALUES ($1, 1, 'call', $2, 'upsert', '{}', $3, 'test')`;
      const hlcEarly = '001700000000000-0000-early';
      const hlcLate = '001700000000001-0000-late';

      await early.query('BEGIN');
      await early.query(insert, [siteId, 'a', hlcEarly]); // lower xid, still open
      await db.query(insert, [siteId, 'b', hlcLate]); // higher xid, committed
      const first = await reader.pull('');
      expect(first.body.changes).toEqual([]);

      await early.query('COMMIT');
      const second = await reader.pull(first.body.cursor);
      expect(second.body.changes.map((c) => c.hlc)).toEqual([hlcEarly, hlcLate]);
      expect((await reader.pull(second.body.cursor)).body.changes).toEqual([]);
    } finally {
      await early.end();
      await server.close();
    }
  });

  it('a puller polling while 12 seats push concurrently sees every change exactly once', async () => {
    const server = await startServer(db, { rateLimit: false });
    try {
      const site = await createSite(server.url);
      const reader = await Seat.enroll(server.url, site);
      const seats = await Promise.all(Array.from({ length: 12 }, () => Seat.enroll(server.url, site)));
      const pushed: string[] = [];
      const seen: string[] = [];
      let cursor = '';
      let pushing = true;
      // Once every push has been answered, one more pull to the end must bring the rest: nothing is in flight.
      const poll = async () => {
        for (;;) {
          const last = !pushing;
          const reply = await reader.pull(cursor, 37);
          seen.push(...reply.body.changes.map((c) => c.hlc));
          cursor = reply.body.cursor;
          if (reply.body.hasMore) continue;
          if (last) return;
          await new Promise((done) => setTimeout(done, 2));
        }
      };
      const polling = poll();
      await Promise.all(
        seats.map(async (seat) => {
          for (let batch = 0; batch < 8; batch++) {
            const mutations = Array.from({ length: 5 }, (_, i) =>
              i % 2 ? seat.appendEvent('inc-1', 'note') : seat.upsertCall(callLog()),
            );
            expect((await seat.push(mutations)).status).toBe(200);
            pushed.push(...mutations.map((m) => m.hlc));
          }
        }),
      );
      pushing = false;
      await polling;
      expect(seen).toHaveLength(pushed.length); // nothing twice…
      expect(new Set(seen)).toEqual(new Set(pushed)); // …and nothing missing
    } finally {
      await server.close();
    }
  }, 60_000);
});
