import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ApiError, Mutation } from '@shared/sync/protocol';
import type { Database } from '../../server/index';
import {
  ADMIN_TOKEN,
  Seat,
  call,
  callLog,
  createSite,
  foldRecords,
  must,
  newEpoch,
  startServer,
  type TestServer,
} from './helpers';

const DAY = 24 * 60 * 60 * 1000;

/**
 * The sync contract, run against the real HTTP server on each storage backend (PGlite and PostgreSQL).
 * Every test makes its own site, so tests share one server and one database without seeing each other.
 */
export function defineSyncContract(
  openDb: () => Promise<{ db: Database; cleanup: () => Promise<void> }>,
): void {
  let server: TestServer;
  let db: Database;
  let cleanup: () => Promise<void>;
  let url: string;

  beforeAll(async () => {
    ({ db, cleanup } = await openDb());
    server = await startServer(db, { rateLimit: false });
    url = server.url;
  });
  afterAll(async () => {
    await server?.close();
    await cleanup?.();
  });

  const ackedSeq = async (seat: Seat, epoch = seat.epoch) =>
    (
      await db.query<{ acked_seq: number }>(
        'SELECT acked_seq FROM device_epochs WHERE device_id = $1 AND epoch = $2',
        [seat.deviceId, epoch],
      )
    )[0]?.acked_seq ?? 0;

  it('health answers ok when the database does', async () => {
    expect(await call(url, 'GET', '/v1/health')).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('pushes calls and incident events and pulls them back in commit order', async () => {
    const seat = await Seat.enroll(url, await createSite(url));
    const batch = [
      seat.upsertCall(callLog()),
      seat.appendEvent('inc-1', 'declared'),
      seat.upsertCall(callLog()),
    ];
    const reply = await seat.push(batch);
    expect(reply).toEqual({ status: 200, body: { ackedSeq: 3, applied: 3, duplicates: 0, rejected: [] } });
    const changes = await seat.pullAll();
    expect(changes.map((c) => [c.entityId, c.op, c.hlc, c.deviceId])).toEqual(
      batch.map((m) => [m.entityId, m.op, m.hlc, seat.deviceId]),
    );
    expect(changes[0]?.data).toEqual(batch[0]?.data);
  });

  it('the same batch twice is acknowledged twice and applied once', async () => {
    const seat = await Seat.enroll(url, await createSite(url));
    const batch = [
      seat.upsertCall(callLog()),
      seat.appendEvent('inc-1', 'declared'),
      seat.appendEvent('inc-1', 'note'),
    ];
    expect((await seat.push(batch)).body).toMatchObject({ ackedSeq: 3, applied: 3, duplicates: 0 });
    expect((await seat.push(batch)).body).toEqual({ ackedSeq: 3, applied: 0, duplicates: 3, rejected: [] });
    expect(await seat.pullAll()).toHaveLength(3);
  });

  it('a replay after a crash between commit and stored ack completes without duplicates', async () => {
    const seat = await Seat.enroll(url, await createSite(url));
    const first = [seat.upsertCall(callLog()), seat.malformed(), seat.appendEvent('inc-1', 'declared')];
    await seat.push(first); // the server committed; the seat crashed before storing the ack
    const later = [seat.appendEvent('inc-1', 'escalated'), seat.upsertCall(callLog())];
    const reply = await seat.push([...first, ...later]); // the seat resends everything unacknowledged
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ ackedSeq: 5, applied: 2, duplicates: 3 });
    // The replay answers as the first push did, rejection included.
    expect(reply.body.rejected.map((r) => r.id)).toEqual([first[1]?.id]);
    const ids = (await seat.pullAll()).map((c) => c.hlc);
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
  });

  it('out-of-order and gapped batches get 409 seq_gap with the current ackedSeq', async () => {
    const seat = await Seat.enroll(url, await createSite(url));
    const all: Mutation[] = Array.from({ length: 30 }, () => seat.appendEvent('inc-1', 'note'));
    const gap = await seat.push(all.slice(10, 20));
    expect(gap.status).toBe(409);
    expect(gap.body).toEqual({
      error: 'seq_gap',
      message: expect.any(String),
      ackedSeq: 0,
    } satisfies ApiError);
    expect(await seat.pullAll()).toHaveLength(0);

    expect((await seat.push(all.slice(0, 10))).body).toMatchObject({ ackedSeq: 10, applied: 10 });
    expect((await seat.push(all.slice(10, 20))).body).toMatchObject({ ackedSeq: 20, applied: 10 });
    const gapped = await seat.push(all.slice(24, 30));
    expect(gapped).toMatchObject({ status: 409, body: { error: 'seq_gap', ackedSeq: 20 } });
    expect((await seat.push(all.slice(14, 25))).body).toMatchObject({
      ackedSeq: 25,
      applied: 5,
      duplicates: 6,
    });
    expect((await seat.push(all.slice(25, 30))).body).toMatchObject({ ackedSeq: 30, applied: 5 });
    expect((await seat.pullAll()).map((c) => c.hlc)).toEqual(all.map((m) => m.hlc));
  });

  it('a batch whose seqs are not one contiguous run is refused whole', async () => {
    const seat = await Seat.enroll(url, await createSite(url));
    const [a, b, c] = [seat.appendEvent('i', 'x'), seat.appendEvent('i', 'y'), seat.appendEvent('i', 'z')];
    const reply = await seat.push([a, c, b]);
    expect(reply).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    expect(await ackedSeq(seat)).toBe(0);
    expect(await seat.pullAll()).toHaveLength(0);
  });

  it('client clocks a day fast or slow: last writer by HLC wins, nothing is lost', async () => {
    const site = await createSite(url);
    const fast = await Seat.enroll(url, site, { now: () => Date.now() + DAY });
    const slow = await Seat.enroll(url, site, { now: () => Date.now() - DAY });
    const record = callLog();
    // The fast seat edits first in real time; the slow seat edits later, but its HLC is a day behind.
    const fastEdit = fast.upsertCall({ ...record, summary: 'fast seat edit' });
    expect((await fast.push([fastEdit, fast.appendEvent('inc-1', 'declared')])).body.rejected).toEqual([]);
    const slowEdit = slow.upsertCall({ ...record, summary: 'slow seat edit' });
    expect((await slow.push([slowEdit, slow.appendEvent('inc-1', 'note')])).body).toMatchObject({
      applied: 2,
      rejected: [],
    });
    for (const seat of [fast, slow]) {
      const changes = await seat.pullAll();
      const state = foldRecords(changes);
      expect(state.get(`call/${record.id}`)?.data).toMatchObject({ summary: 'fast seat edit' });
      expect(changes.filter((c) => c.op === 'append')).toHaveLength(2); // both events, whatever their clocks
    }
    // The slow seat cannot merge the fast seat's clock: they are 2 days apart, beyond HybridClock's MAX_DRIFT_MS
    // (36 h), so receive() throws on the seat. The server keeps both edits' history consistent regardless.
    expect(() => slow.clock.receive(fastEdit.hlc)).toThrow(/too far ahead/);
  });

  it('an HLC days ahead of the server is quarantined, not applied and not lost', async () => {
    const seat = await Seat.enroll(url, await createSite(url), { now: () => Date.now() + 3 * DAY });
    const m = seat.upsertCall(callLog());
    const reply = await seat.push([m]);
    expect(reply.body).toMatchObject({ ackedSeq: 1, applied: 0, rejected: [{ id: m.id }] });
    expect(await seat.pullAll()).toHaveLength(0);
    const rejected = await call<{ rejected: { id: string; data: string }[] }>(
      url,
      'GET',
      '/v1/sync/rejected',
      {
        token: seat.token,
      },
    );
    expect(JSON.parse(rejected.body.rejected[0]?.data ?? '')).toEqual(m.data);
  });

  it('two seats editing the same record converge on the same winner on both pulls', async () => {
    const site = await createSite(url);
    const a = await Seat.enroll(url, site);
    const b = await Seat.enroll(url, site);
    const record = callLog();
    const edits = (seat: Seat, tag: string) =>
      Array.from({ length: 20 }, (_, i) => seat.upsertCall({ ...record, summary: `${tag} ${i}` }));
    const [fromA, fromB] = [edits(a, 'A'), edits(b, 'B')];
    // Interleaved concurrent pushes, in small batches.
    await Promise.all([
      (async () => {
        for (let i = 0; i < 20; i += 5) expect((await a.push(fromA.slice(i, i + 5))).status).toBe(200);
      })(),
      (async () => {
        for (let i = 0; i < 20; i += 5) expect((await b.push(fromB.slice(i, i + 5))).status).toBe(200);
      })(),
    ]);
    const winner = [...fromA, ...fromB].reduce((best, m) => (m.hlc > best.hlc ? m : best));
    const [stateA, stateB] = [foldRecords(await a.pullAll()), foldRecords(await b.pullAll())];
    expect(stateA.get(`call/${record.id}`)).toEqual({ hlc: winner.hlc, data: winner.data, deleted: false });
    expect(stateB.get(`call/${record.id}`)).toEqual(stateA.get(`call/${record.id}`));
    const stored = await db.query<{ hlc: string }>('SELECT hlc FROM records WHERE entity_id = $1', [
      record.id,
    ]);
    expect(stored).toEqual([{ hlc: winner.hlc }]);
    // What an admin's SQL sees: the winner's data, read through the record's pointer into the pull log.
    expect(
      await db.query('SELECT data, deleted, hlc FROM current_records WHERE entity_id = $1', [record.id]),
    ).toEqual([{ data: winner.data, deleted: false, hlc: winner.hlc }]);
  });

  it('a delete is a tombstone that wins by HLC like any write', async () => {
    const seat = await Seat.enroll(url, await createSite(url));
    const record = callLog();
    await seat.push([seat.upsertCall(record), seat.deleteCall(record.id)]);
    const changes = await seat.pullAll();
    expect(changes).toHaveLength(1); // within one batch only the last write of a record matters
    expect(changes[0]).toMatchObject({ op: 'delete', data: null, entityId: record.id });
  });

  it('an event queued twice in one batch is one event, pulled once; the edits of a record fold to the newest', async () => {
    const seat = await Seat.enroll(url, await createSite(url));
    const event = seat.appendEvent('inc-1', 'declared');
    const record = callLog();
    const older = seat.upsertCall({ ...record, summary: 'first draft' });
    const newer = seat.upsertCall({ ...record, summary: 'as saved' });
    // The same event again under the next seq, as a recovered outbox can hold it.
    const again: Mutation = { ...event, seq: ++seat.seq };
    const reply = await seat.push([event, older, newer, again]);
    expect(reply.body).toEqual({ ackedSeq: 4, applied: 4, duplicates: 0, rejected: [] });
    const pulled = await seat.pullAll();
    expect(pulled.map((c) => [c.op, c.hlc])).toEqual([
      ['append', event.hlc],
      ['upsert', newer.hlc],
    ]);
    expect(foldRecords(pulled).get(`call/${record.id}`)?.data).toMatchObject({ summary: 'as saved' });
  });

  it('a malformed mutation in the middle of a batch is quarantined and the rest applied', async () => {
    const seat = await Seat.enroll(url, await createSite(url));
    const batch = [seat.upsertCall(callLog()), seat.appendEvent('inc-1', 'declared')];
    const broken = seat.malformed();
    const wrongOp: Mutation = { ...seat.appendEvent('inc-1', 'x'), entity: 'call' };
    const badEvent: Mutation = { ...seat.appendEvent('inc-1', 'x'), data: { incidentId: 7 } };
    const tail = [seat.upsertCall(callLog()), seat.appendEvent('inc-1', 'closed')];
    const reply = await seat.push([...batch, broken, wrongOp, badEvent, ...tail]);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ ackedSeq: 7, applied: 4, duplicates: 0 });
    expect(reply.body.rejected.map((r) => r.id)).toEqual([broken.id, wrongOp.id, badEvent.id]);
    const pulled = await seat.pullAll();
    expect(pulled.map((c) => c.hlc)).toEqual([...batch, ...tail].map((m) => m.hlc));

    const mine = await call<{ rejected: { id: string; error: string }[] }>(url, 'GET', '/v1/sync/rejected', {
      token: seat.token,
    });
    expect(mine.body.rejected.map((r) => r.id).sort()).toEqual([broken.id, wrongOp.id, badEvent.id].sort());
    const admin = await call<{ items: { id: string; deviceId: string }[] }>(
      url,
      'GET',
      `/v1/admin/quarantine?site=${await siteOf(seat)}`,
      {
        token: ADMIN_TOKEN,
      },
    );
    expect(admin.status).toBe(200);
    expect(admin.body.items.map((i) => i.id)).toEqual([broken.id, wrongOp.id, badEvent.id]);
  });

  const siteOf = async (seat: Seat) =>
    (
      await db.query<{ code: string }>(
        'SELECT s.code FROM sites s JOIN devices d ON d.site_id = s.id WHERE d.id = $1',
        [seat.deviceId],
      )
    )[0]?.code ?? '';

  it('data PostgreSQL cannot store (NUL, lone surrogate) is quarantined; in the envelope it is a 400', async () => {
    const seat = await Seat.enroll(url, await createSite(url));
    const nul = seat.upsertCall(callLog({ summary: 'a\u0000b' }));
    const surrogate = seat.appendEvent('inc-1', 'note', { text: '\ud800' });
    const fine = seat.appendEvent('inc-1', 'note');
    const reply = await seat.push([nul, surrogate, fine]);
    expect(reply.body).toMatchObject({ ackedSeq: 3, applied: 1 });
    expect(reply.body.rejected.map((r) => r.id)).toEqual([nul.id, surrogate.id]);
    const badEnvelope = await seat.push([{ ...seat.appendEvent('inc-\u0000', 'x') }]);
    expect(badEnvelope).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    expect(await ackedSeq(seat)).toBe(3);
  });

  it('a 2 MiB body is refused with 413 payload_too_large and nothing is applied', async () => {
    const seat = await Seat.enroll(url, await createSite(url));
    const huge = seat.appendEvent('inc-1', 'note', { text: 'x'.repeat(2 * 1024 * 1024) });
    const reply = await seat.push([huge]);
    expect(reply).toMatchObject({ status: 413, body: { error: 'payload_too_large' } });
    expect(await ackedSeq(seat)).toBe(0);
  });

  it('a batch of more than 500 mutations is a 400 and nothing is applied', async () => {
    const seat = await Seat.enroll(url, await createSite(url));
    const batch = Array.from({ length: 501 }, () => seat.appendEvent('inc-1', 'n'));
    expect(await seat.push(batch)).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    expect(await ackedSeq(seat)).toBe(0);
    expect((await seat.push(batch.slice(0, 500))).body).toMatchObject({ ackedSeq: 500, applied: 500 });
  });

  it('a token revoked mid-sync gets 401 and nothing more is applied', async () => {
    const seat = await Seat.enroll(url, await createSite(url));
    const first = Array.from({ length: 10 }, () => seat.appendEvent('inc-1', 'n'));
    const second = Array.from({ length: 10 }, () => seat.appendEvent('inc-1', 'n'));
    expect((await seat.push(first)).status).toBe(200);
    const revoke = await call(url, 'POST', `/v1/admin/devices/${seat.deviceId}/revoke`, {
      token: ADMIN_TOKEN,
    });
    expect(revoke.status).toBe(200);
    expect(await seat.push(second)).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
    expect((await seat.pull()).status).toBe(401);
    expect(await ackedSeq(seat)).toBe(10);
    const stored = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM events WHERE device_id = $1',
      [seat.deviceId],
    );
    expect(stored[0]?.n).toBe(10);
  });

  it('a token revoked on another API node is refused by the next push here, though this node knew the device', async () => {
    const other = await startServer(db, { rateLimit: false });
    try {
      const seat = await Seat.enroll(url, await createSite(url));
      expect((await seat.push([seat.upsertCall(callLog())])).status).toBe(200); // this node now knows the token
      const revoke = await call(other.url, 'POST', `/v1/admin/devices/${seat.deviceId}/revoke`, {
        token: ADMIN_TOKEN,
      });
      expect(revoke.status).toBe(200);
      expect(await seat.push([seat.upsertCall(callLog())])).toMatchObject({
        status: 401,
        body: { error: 'unauthorized' },
      });
      expect(await ackedSeq(seat)).toBe(1);
    } finally {
      await other.close();
    }
  });

  it('a revoke racing a push: the batch is either wholly in (200) or wholly out (401)', async () => {
    const seat = await Seat.enroll(url, await createSite(url));
    const batch = Array.from({ length: 300 }, () => seat.appendEvent('inc-1', 'n'));
    const [push] = await Promise.all([
      seat.push(batch),
      call(url, 'POST', `/v1/admin/devices/${seat.deviceId}/revoke`, { token: ADMIN_TOKEN }),
    ]);
    const stored = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM events WHERE device_id = $1',
      [seat.deviceId],
    );
    expect([200, 401]).toContain(push.status);
    expect(stored[0]?.n).toBe(push.status === 200 ? 300 : 0);
  });

  it("a second site's token never sees the first site's changes", async () => {
    const [one, two] = [await createSite(url), await createSite(url)];
    const seatOne = await Seat.enroll(url, one);
    const seatTwo = await Seat.enroll(url, two);
    const shared = callLog();
    await seatOne.push([
      seatOne.upsertCall({ ...shared, summary: 'site one' }),
      seatOne.appendEvent('inc-1', 'x'),
    ]);
    expect(await seatTwo.pullAll()).toEqual([]);
    // Same record id in another site is another record: no LWW across sites.
    await seatTwo.push([seatTwo.upsertCall({ ...shared, summary: 'site two' })]);
    expect(foldRecords(await seatOne.pullAll()).get(`call/${shared.id}`)?.data).toMatchObject({
      summary: 'site one',
    });
    expect((await seatTwo.pullAll()).map((c) => c.deviceId)).toEqual([seatTwo.deviceId]);
  });

  it('a new epoch for the same device starts at seq 1', async () => {
    const seat = await Seat.enroll(url, await createSite(url));
    const old = Array.from({ length: 5 }, () => seat.appendEvent('inc-1', 'n'));
    expect((await seat.push(old)).body).toMatchObject({ ackedSeq: 5 });
    seat.epoch = newEpoch();
    seat.seq = 5;
    const notFromOne = seat.appendEvent('inc-1', 'n');
    expect(await seat.push([notFromOne])).toMatchObject({
      status: 409,
      body: { error: 'seq_gap', ackedSeq: 0 },
    });
    // A reset seat re-sends an event it had already synced under the old epoch: still one event.
    const resent: Mutation = { ...must(old[0]), seq: 1 };
    seat.seq = 1;
    const fresh = [resent, seat.appendEvent('inc-1', 'n')];
    expect((await seat.push(fresh)).body).toMatchObject({ ackedSeq: 2, applied: 2, duplicates: 0 });
    expect(await seat.pullAll()).toHaveLength(6);
  });

  it('pull pages through the log in commit order, each change once', async () => {
    const seat = await Seat.enroll(url, await createSite(url));
    const batch = Array.from({ length: 25 }, () => seat.appendEvent('inc-1', 'n'));
    await seat.push(batch);
    const seen: string[] = [];
    let cursor = '';
    for (let page = 0; page < 10; page++) {
      const reply = await seat.pull(cursor, 10);
      seen.push(...reply.body.changes.map((c) => c.hlc));
      cursor = reply.body.cursor;
      if (!reply.body.hasMore) break;
    }
    expect(seen).toEqual(batch.map((m) => m.hlc));
    expect((await seat.pull(cursor)).body).toEqual({ changes: [], cursor, hasMore: false });
  });

  it('compaction drops superseded versions only: every puller still ends in the same state', async () => {
    const site = await createSite(url);
    const writer = await Seat.enroll(url, site);
    const [x, y] = [callLog(), callLog()];
    const first = [
      writer.upsertCall({ ...x, summary: 'v1' }),
      writer.upsertCall(y),
      writer.appendEvent('i', 'a'),
    ];
    await writer.push(first);
    const midway = await writer.pull(''); // a seat that pulled the first batch, then went offline
    await writer.push([writer.upsertCall({ ...x, summary: 'v2' }), writer.appendEvent('i', 'b')]);
    await writer.push([writer.upsertCall({ ...x, summary: 'v3' }), writer.deleteCall(y.id)]);
    const before = await writer.pullAll();
    const compact = (olderThanDays: number) =>
      call<{ deleted: number }>(url, 'POST', '/v1/admin/compact', {
        token: ADMIN_TOKEN,
        body: { olderThanDays },
      });

    expect((await compact(1)).body).toEqual({ deleted: 0 }); // all younger than the retention window
    const compacted = await compact(0);
    // x v1, x v2 and y's upsert were superseded (other sites' superseded changes may go too: the call is global).
    expect(compacted.body.deleted).toBeGreaterThanOrEqual(3);
    const after = await writer.pullAll();
    expect(after.map((c) => c.data)).toEqual([
      expect.objectContaining({ payload: { text: 'a' } }),
      expect.objectContaining({ payload: { text: 'b' } }),
      expect.objectContaining({ summary: 'v3' }),
      null,
    ]);
    expect(foldRecords(after)).toEqual(foldRecords(before));
    let cursor = midway.body.cursor;
    const resumed = [...midway.body.changes];
    for (let page = 0; page < 10; page++) {
      const reply = await writer.pull(cursor);
      resumed.push(...reply.body.changes);
      cursor = reply.body.cursor;
      if (!reply.body.hasMore) break;
    }
    expect(foldRecords(resumed)).toEqual(foldRecords(before));
    expect(resumed.filter((c) => c.op === 'append')).toHaveLength(2);
    expect((await compact(0)).status).toBe(200);
    expect(await writer.pullAll()).toEqual(after); // nothing left to drop for this site
    // The log rows the records and events point at, which hold their data, were all kept.
    const current = await db.query<{ entity_id: string; data: unknown; deleted: boolean }>(
      'SELECT entity_id, data, deleted FROM current_records WHERE device_id = $1 ORDER BY hlc',
      [writer.deviceId],
    );
    expect(current).toEqual([
      { entity_id: x.id, data: expect.objectContaining({ summary: 'v3' }), deleted: false },
      { entity_id: y.id, data: null, deleted: true },
    ]);
    const events = await db.query<{ data: { payload: unknown } }>(
      'SELECT data FROM event_log WHERE device_id = $1 ORDER BY hlc',
      [writer.deviceId],
    );
    expect(events.map((e) => e.data.payload)).toEqual([{ text: 'a' }, { text: 'b' }]);
  });

  it('site configuration published centrally is delivered by pull to that site only', async () => {
    const [site, other] = [await createSite(url), await createSite(url)];
    const seat = await Seat.enroll(url, site);
    const outsider = await Seat.enroll(url, other);
    const policy = { problemTypes: [{ id: 'login-failure', class: 'A' }] };
    const put = await call(url, 'PUT', `/v1/admin/sites/${site.code}/config/policy`, {
      token: ADMIN_TOKEN,
      body: policy,
    });
    expect(put.status).toBe(200);
    const changes = await seat.pullAll();
    expect(changes).toEqual([
      {
        entity: 'site-config',
        entityId: 'policy',
        op: 'upsert',
        data: policy,
        hlc: expect.any(String),
        deviceId: 'central',
      },
    ]);
    expect(await outsider.pullAll()).toEqual([]);
    const bad = await call(url, 'PUT', `/v1/admin/sites/${site.code}/config/secrets`, {
      token: ADMIN_TOKEN,
      body: {},
    });
    expect(bad.status).toBe(400);
  });
}
