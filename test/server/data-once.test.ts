import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../../server/auth';
import { MIGRATIONS, openDatabase, runMigrations, type Database } from '../../server/index';
import { ADMIN_TOKEN, Seat, call, callLog, foldRecords, startServer, type TestServer } from './helpers';
import { PG_SKIP_MESSAGE, findPostgresBin, startPostgres } from './pg-cluster';

/**
 * Migration 4 moves record and event data out of `records` and `events` into the pull log they point at. A database
 * written by the old schema must keep every record's and event's data reachable — through the views
 * current_records and event_log — and lose nothing, even rows no log entry matches.
 */
const bin = findPostgresBin();
if (!bin) console.log(PG_SKIP_MESSAGE);

const backends = [
  { name: 'PGlite', skip: false, open: openOld(async (migrations) => openDatabase({ migrations })) },
  {
    name: 'PostgreSQL',
    skip: !bin,
    open: openOld(async (migrations) => {
      const cluster = await startPostgres(bin ?? '');
      const db = await openDatabase({ databaseUrl: cluster.url, migrations });
      return { ...db, close: () => db.close().finally(() => cluster.stop()) };
    }),
  },
];

function openOld(open: (migrations: typeof MIGRATIONS) => Promise<Database>) {
  return () => open(MIGRATIONS.filter((m) => m.version === 1));
}

const key = 'fge_data-once-key';
const hlc = (n: number) => `0017000000000${String(n).padStart(2, '0')}-0000-old`;
const [a, b, c, d] = [callLog(), callLog(), callLog(), callLog()];
const note = (text: string) => ({ type: 'incident.note', payload: { text } });

/** The rows the old schema held, as its write statement left them (one statement = one transaction each). */
async function writeOldRows(db: Database): Promise<void> {
  await db.query(
    `INSERT INTO sites (id, code, name, enrollment_key_hash) VALUES ('site-1', 'legacy', 'Legacy', $1)`,
    [hashSecret(key)],
  );
  const change = (seq: number | null, entityId: string, op: string, data: unknown, at: string) =>
    seq === null
      ? db.query(
          `INSERT INTO changes (site_id, entity, entity_id, op, data, hlc, device_id, ord)
           VALUES ('site-1', $1, $2, $3, $4, $5, 'old-seat', 1)`,
          [op === 'append' ? 'incident-event' : 'call', entityId, op, JSON.stringify(data), at],
        )
      : db.query(
          `INSERT INTO changes (site_id, commit_seq, entity, entity_id, op, data, hlc, device_id)
           VALUES ('site-1', $1, $2, $3, $4, $5, $6, 'old-seat')`,
          [seq, op === 'append' ? 'incident-event' : 'call', entityId, op, JSON.stringify(data), at],
        );
  const record = (entityId: string, data: unknown, at: string, deleted = false) =>
    db.query(
      `INSERT INTO records (site_id, entity, entity_id, data, deleted, hlc, device_id, mutation_id)
       VALUES ('site-1', 'call', $1, $2, $3, $4, 'old-seat', $5)
       ON CONFLICT (site_id, entity, entity_id) DO UPDATE
         SET data = EXCLUDED.data, deleted = EXCLUDED.deleted, hlc = EXCLUDED.hlc, mutation_id = EXCLUDED.mutation_id`,
      [entityId, JSON.stringify(data), deleted, at, `m-${at}`],
    );
  const event = (mutationId: string, data: unknown, at: string) =>
    db.query(
      `INSERT INTO events (site_id, mutation_id, entity, entity_id, data, hlc, device_id)
       VALUES ('site-1', $1, 'incident-event', 'inc', $2, $3, 'old-seat')`,
      [mutationId, JSON.stringify(data), at],
    );

  // Version 1: the log numbered by a per-site counter. Record a written twice, one event.
  await change(1, a.id, 'upsert', { ...a, summary: 'a1' }, hlc(1));
  await record(a.id, { ...a, summary: 'a1' }, hlc(1));
  await change(2, a.id, 'upsert', { ...a, summary: 'a2' }, hlc(2));
  await record(a.id, { ...a, summary: 'a2' }, hlc(2));
  await change(3, 'inc', 'append', note('declared'), hlc(3));
  await event('e-declared', note('declared'), hlc(3));

  await runMigrations(
    db,
    MIGRATIONS.filter((m) => m.version === 2 || m.version === 3),
  );

  // Versions 2–3: the log positioned by transaction. Record a once more (its newest version now has a real xid).
  await change(null, a.id, 'upsert', { ...a, summary: 'a4' }, hlc(4));
  await record(a.id, { ...a, summary: 'a4' }, hlc(4));
  // b: written, then deleted (a tombstone: no data).
  await change(null, b.id, 'upsert', b, hlc(5));
  await record(b.id, b, hlc(5));
  await change(null, b.id, 'delete', null, hlc(6));
  await record(b.id, null, hlc(6), true);
  // c: two log rows with the same key and HLC but different data (the newer one is not the record's): only the
  // data decides which one the record is.
  await change(null, c.id, 'upsert', { ...c, summary: 'kept' }, hlc(7));
  await change(null, c.id, 'upsert', { ...c, summary: 'not this one' }, hlc(7));
  await record(c.id, { ...c, summary: 'kept' }, hlc(7));
  // d: its log row is gone (deleted by hand): no pointer can be found, its data must stay where it is.
  await record(d.id, { ...d, summary: 'only in records' }, hlc(8));
  // Two events with identical content (a seat that sent the same note twice under two mutation ids), each logged.
  for (const id of ['e-twin-1', 'e-twin-2']) {
    await change(null, 'inc', 'append', note('twin'), hlc(9));
    await event(id, note('twin'), hlc(9));
  }
  // An event whose log row is gone.
  await event('e-orphan', note('only in events'), hlc(10));
}

describe.each(backends)('migration 4 on a database the old schema wrote ($name)', ({ skip, open }) => {
  let db: Database;
  let server: TestServer;
  let oldRecords: object[];
  let oldEvents: object[];
  const recordsQuery = (from: string) =>
    `SELECT site_id, entity, entity_id, deleted, data, hlc, device_id, mutation_id FROM ${from} ORDER BY entity_id`;
  const eventsQuery = (from: string) =>
    `SELECT site_id, mutation_id, entity, entity_id, data, hlc, device_id FROM ${from} ORDER BY mutation_id`;
  const current = async (entityId: string) =>
    (await db.query(`SELECT data, deleted, hlc FROM current_records WHERE entity_id = $1`, [entityId]))[0];
  const compact = () =>
    call<{ deleted: number }>(server.url, 'POST', '/v1/admin/compact', {
      token: ADMIN_TOKEN,
      body: { olderThanDays: 0 },
    });

  beforeAll(async () => {
    if (skip) return;
    db = await open();
    await writeOldRows(db);
    oldRecords = await db.query(recordsQuery('records'));
    oldEvents = await db.query(eventsQuery('events'));
    expect(await runMigrations(db)).toEqual([4]);
    server = await startServer(db, { rateLimit: false });
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  it.skipIf(skip)('every record and event reads the same through the views as it did before', async () => {
    expect(oldRecords).toHaveLength(4);
    expect(oldEvents).toHaveLength(4);
    expect(await db.query(recordsQuery('current_records'))).toEqual(oldRecords);
    expect(await db.query(eventsQuery('event_log'))).toEqual(oldEvents);
  });

  it.skipIf(skip)('data now lives once, in the log; only rows no log row matched keep theirs', async () => {
    const records = await db.query<{ entity_id: string; pointer: boolean; kept: boolean }>(
      `SELECT entity_id, xid IS NOT NULL AS pointer, legacy_data IS NOT NULL AS kept FROM records`,
    );
    expect(new Map(records.map((r) => [r.entity_id, [r.pointer, r.kept]]))).toEqual(
      new Map([
        [a.id, [true, false]],
        [b.id, [true, false]],
        [c.id, [true, false]],
        [d.id, [false, true]],
      ]),
    );
    const events = await db.query<{ mutation_id: string; pointer: string | null; kept: boolean }>(
      `SELECT mutation_id, xid::text || '.' || ord AS pointer, legacy_data IS NOT NULL AS kept FROM events`,
    );
    const byId = new Map(events.map((e) => [e.mutation_id, e]));
    expect(byId.get('e-orphan')).toMatchObject({ pointer: null, kept: true });
    for (const id of ['e-declared', 'e-twin-1', 'e-twin-2'])
      expect(byId.get(id), id).toMatchObject({ pointer: expect.any(String), kept: false });
    // The twins point at one log row each: the log still holds as many events as the table.
    expect(byId.get('e-twin-1')?.pointer).not.toBe(byId.get('e-twin-2')?.pointer);
    // Record a points at its newest version, written after migration 2 (a real transaction id, not 0).
    const [pointer] = await db.query<{ xid: string }>(
      `SELECT xid::text AS xid FROM records WHERE entity_id = $1`,
      [a.id],
    );
    expect(pointer?.xid).not.toBe('0');
  });

  it.skipIf(skip)(
    'pushes and compaction after the upgrade: the views follow the winners and lose nothing',
    async () => {
      const seat = await Seat.enroll(server.url, { code: 'legacy', enrollmentKey: key });
      // A legacy record without a log row (d) is superseded by a push: its kept data gives way to the pointer.
      const push = await seat.push([
        seat.upsertCall({ ...d, summary: 'after the upgrade' }),
        seat.appendEvent('inc-1', 'after the upgrade'),
      ]);
      expect(push.body).toMatchObject({ applied: 2, rejected: [] });
      expect(await current(d.id)).toMatchObject({ data: { summary: 'after the upgrade' }, deleted: false });
      expect(
        await db.query(`SELECT legacy_data FROM records WHERE entity_id = $1 AND xid IS NOT NULL`, [d.id]),
      ).toEqual([{ legacy_data: null }]);

      const before = await db.query(recordsQuery('current_records'));
      const pulledBefore = foldRecords(await seat.pullAll());
      // a1 and a2 (superseded by a4) and b's upsert (superseded by its delete) go; c's second row has the
      // record's own HLC and stays.
      expect((await compact()).body.deleted).toBeGreaterThanOrEqual(3);
      expect(await db.query(recordsQuery('current_records'))).toEqual(before);
      expect((await db.query(eventsQuery('event_log'))).length).toBe(oldEvents.length + 1);
      expect(await dangling(db)).toEqual([]);
      expect(foldRecords(await seat.pullAll())).toEqual(pulledBefore);
      expect(await current(a.id)).toMatchObject({ data: { summary: 'a4' } });
      expect(await current(b.id)).toEqual({ data: null, deleted: true, hlc: hlc(6) });
      expect(await current(c.id)).toMatchObject({ data: { summary: 'kept' } });
    },
  );

  it.skipIf(skip)(
    "compaction keeps a record's log row even when the record's HLC column says it is superseded",
    async () => {
      // Only a hand edit can make a record's HLC differ from its log row's; the pointer still protects the row.
      await db.query(`UPDATE records SET hlc = '999999999999999-0000-zz' WHERE entity_id = $1`, [c.id]);
      await compact();
      expect(await current(c.id)).toMatchObject({ data: { summary: 'kept' } });
      expect(await dangling(db)).toEqual([]);
    },
  );
});

/** Records and events whose pointer names no log row: their data would be lost. */
function dangling(db: Database) {
  return db.query(
    `SELECT 'record' AS kind, r.entity_id AS id FROM records r
     WHERE r.xid IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM changes c WHERE c.site_id = r.site_id AND c.xid = r.xid AND c.ord = r.ord)
     UNION ALL
     SELECT 'event', e.mutation_id FROM events e
     WHERE e.xid IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM changes c WHERE c.site_id = e.site_id AND c.xid = e.xid AND c.ord = e.ord)`,
  );
}
