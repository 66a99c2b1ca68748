import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../../server/auth';
import { openPgliteThread } from '../../server/db/pglite-thread';
import { MIGRATIONS, runMigrations, type Database } from '../../server/index';
import { Seat, callLog, startServer, type TestServer } from './helpers';

/**
 * Migration 2 moves the pull log from a per-site counter to transaction positions. A database written by version 1
 * must keep its log, in the same order, and cursors that seats saved under version 1 must keep meaning the same.
 */
describe('pull log carried over from the per-site counter (migration 2)', () => {
  let db: Database;
  let server: TestServer;
  const key = 'fge_legacy-key';
  const legacy = ['001700000000001-0000-old', '001700000000002-0000-old', '001700000000003-0000-old'];

  beforeAll(async () => {
    db = await openPgliteThread(undefined);
    await runMigrations(
      db,
      MIGRATIONS.filter((m) => m.version === 1),
    );
    await db.query(
      `INSERT INTO sites (id, code, name, enrollment_key_hash, last_commit_seq)
       VALUES ('site-1', 'legacy', 'Legacy', $1, 3)`,
      [hashSecret(key)],
    );
    // Written in commit order 1, 2, 3 but inserted out of order: the order must come from the old numbers.
    for (const [seq, hlc] of [
      [2, legacy[1]],
      [1, legacy[0]],
      [3, legacy[2]],
    ] as const) {
      await db.query(
        `INSERT INTO changes (site_id, commit_seq, entity, entity_id, op, data, hlc, device_id)
         VALUES ('site-1', $1, 'incident-event', 'inc', 'append', '{}', $2, 'old-seat')`,
        [seq, hlc],
      );
    }
    expect(await runMigrations(db)).toEqual(MIGRATIONS.filter((m) => m.version > 1).map((m) => m.version));
    server = await startServer(db, { rateLimit: false });
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  it('keeps the old log in its old order, and an old cursor still names the same place', async () => {
    const seat = await Seat.enroll(server.url, { code: 'legacy', enrollmentKey: key });
    expect((await seat.pullAll()).map((c) => c.hlc)).toEqual(legacy);
    expect((await seat.pull('2')).body.changes.map((c) => c.hlc)).toEqual([legacy[2]]);

    const batch = [seat.upsertCall(callLog()), seat.appendEvent('inc-1', 'after the upgrade')];
    expect((await seat.push(batch)).status).toBe(200);
    // A seat that had pulled everything before the upgrade (cursor "3") gets exactly the new changes.
    const caughtUp = await seat.pull('3');
    expect(caughtUp.body.changes.map((c) => c.hlc)).toEqual(batch.map((m) => m.hlc));
    expect((await seat.pull(caughtUp.body.cursor)).body).toEqual({
      changes: [],
      cursor: caughtUp.body.cursor,
      hasMore: false,
    });
  });

  it('refuses a cursor that is neither form', async () => {
    const seat = await Seat.enroll(server.url, { code: 'legacy', enrollmentKey: key });
    for (const bad of ['abc', '1.2.3', '-1', '1.', '.5'])
      expect((await seat.pull(bad)).status, bad).toBe(400);
  });
});
