import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { IncidentEvent } from '@shared/incidents/events';
import { SITE_CONFIG_ENTITY, type Change } from '@shared/sync/protocol';
import { openDatabase, type Database } from '../../../server/index';
import { Seat, call, must } from '../../server/helpers';
import { defaultPolicy, effectivePolicy, mergePolicy } from '@shared/policy';
import { queueMutations } from '../../../src/renderer/data/outbox';
import { createContactsRepository } from '../../../src/renderer/features/contacts/contacts-repository';
import { applyRemoteChanges } from '../../../src/renderer/sync/apply-remote';
import { backoffDelay } from '../../../src/renderer/sync/backoff';
import {
  ADMIN_TOKEN,
  DAY,
  createSeat,
  createSite,
  memoryLock,
  notes,
  startLoggedServer,
  type TestSeat,
} from './helpers';

/**
 * The renderer's sync engine over a real IndexedDB implementation (fake-indexeddb) against the real central API
 * (in-process, PGlite), through main's central client and the validated IPC contract.
 */
let db: Database;
let server: Awaited<ReturnType<typeof startLoggedServer>>;
const seats: TestSeat[] = [];

beforeAll(async () => {
  db = await openDatabase();
  server = await startLoggedServer(db);
});
afterAll(async () => {
  await server.close();
  await db.close();
});
afterEach(async () => {
  for (const seat of seats.splice(0)) {
    seat.engine.stop();
    await seat.db.delete();
  }
});

async function seat(
  site: Awaited<ReturnType<typeof createSite>> | null,
  options: Parameters<typeof createSeat>[2] = {},
) {
  const created = await createSeat(server.url, site, options);
  seats.push(created);
  return created;
}

/** What the centre holds for the site, read with a separate device of the same site. */
async function centre(site: Awaited<ReturnType<typeof createSite>>) {
  const reader = await Seat.enroll(server.url, site, { name: 'reader' });
  return reader.pullAll();
}

describe('sync engine', () => {
  it('pushes a backlog in batches of at most 500, marks the records synced and lets main prune its journal', async () => {
    const site = await createSite(server.url);
    const a = await seat(site, { name: 'A-01' });
    await a.logCalls(1234);
    const progress: number[] = [];
    a.engine.subscribe((s) => s.progress?.stage === 'push' && progress.push(s.progress.done));
    const before = server.pushes.length;

    expect(await a.engine.syncNow()).toMatchObject({ kind: 'ok', pushed: 1234 });
    expect(server.pushes.slice(before).map((p) => p.mutations)).toEqual([500, 500, 234]);
    expect(progress).toEqual([0, 500, 1000]);
    expect(await a.db.outbox.count()).toBe(0);
    expect((await a.db.calls.toArray()).every((c) => c.syncedAt)).toBe(true);
    expect(await a.db.meta.get('ackedSeq')).toEqual({ key: 'ackedSeq', value: 1234 });
    expect(a.journalAcks).toHaveLength(1234);
    expect(a.engine.status()).toMatchObject({
      phase: 'idle',
      error: null,
      lastSuccessAt: expect.any(String),
    });
    expect(await centre(site)).toHaveLength(1234);
  });

  it('replays after a lost acknowledgement without duplicating anything at the centre', async () => {
    const site = await createSite(server.url);
    const a = await seat(site);
    await a.logCalls(10);
    let lost = 0;
    a.intercept(async (channel, _request, forward) => {
      const reply = await forward();
      if (channel !== 'central:push' || lost++ > 0) return reply;
      // The server applied the batch, but its answer never reached the seat.
      return { ok: true, value: { ok: false, status: 0, error: 'timeout', message: 'no answer in time' } };
    });
    expect(await a.engine.syncNow()).toMatchObject({
      kind: 'retry',
      error: { code: 'timeout', stopped: false },
    });
    expect(a.engine.status()).toMatchObject({ phase: 'waiting', error: { code: 'timeout' } });
    expect(await a.db.outbox.count()).toBe(10);

    expect(await a.engine.syncNow()).toMatchObject({ kind: 'ok', pushed: 10 });
    expect(await a.db.outbox.count()).toBe(0);
    const held = await centre(site);
    expect(held).toHaveLength(10);
    expect(new Set(held.map((c) => c.entityId)).size).toBe(10);
  });

  it('halves the batch on 413 until it fits, and stops on one change too large even alone, keeping it', async () => {
    const site = await createSite(server.url);
    const a = await seat(site);
    // About 2.4 MiB in 8 records: 8 → 413, 4 → 413, 2 → fits.
    await a.logCalls(8, { notes: notes(300 * 1024) });
    const before = server.pushes.length;
    expect(await a.engine.syncNow()).toMatchObject({ kind: 'ok', pushed: 8 });
    const sent = server.pushes.slice(before);
    expect(sent.slice(0, 3).map((p) => p.status)).toEqual([413, 413, 200]);
    expect(sent.filter((p) => p.status === 200).every((p) => p.bytes <= 1024 * 1024)).toBe(true);
    expect(await a.db.outbox.count()).toBe(0);

    // A single 2 MiB record between two small ones.
    await a.logCalls(1);
    const [big] = await a.logCalls(1, { notes: notes(2 * 1024 * 1024) });
    await a.logCalls(1);
    const outcome = await a.engine.syncNow();
    expect(outcome).toMatchObject({
      kind: 'stopped',
      error: {
        code: 'too_large',
        status: 413,
        stopped: true,
        detail: expect.stringContaining(big?.id ?? '?'),
      },
    });
    expect(a.engine.status().phase).toBe('stopped');
    const left = await a.db.outbox.orderBy('seq').toArray();
    expect(left.map((m) => m.entityId)).toEqual([big?.id, expect.any(String)]);
    expect(await a.db.calls.get(big?.id ?? '')).toMatchObject({ id: big?.id });
  });

  it('stops on a revoked token, keeps every pending record, and resumes after a new enrolment', async () => {
    const site = await createSite(server.url);
    const a = await seat(site);
    const deviceId = a.central.status().deviceId ?? '';
    await a.logCalls(5);
    await call(server.url, 'POST', `/v1/admin/devices/${deviceId}/revoke`, { token: ADMIN_TOKEN });

    expect(await a.engine.syncNow()).toMatchObject({
      kind: 'stopped',
      error: { code: 'unauthorized', status: 401, stopped: true },
    });
    expect(a.engine.status()).toMatchObject({ phase: 'stopped', pending: 0 });
    expect(await a.db.outbox.count()).toBe(5);
    expect((await a.db.calls.toArray()).some((c) => c.syncedAt)).toBe(false);
    expect(a.central.status().state).toBe('token-rejected');

    const enrolled = await a.central.enroll({
      serverUrl: server.url,
      siteCode: site.code,
      enrollmentKey: site.enrollmentKey,
      deviceName: 'A again',
    });
    expect(enrolled.ok).toBe(true);
    expect(await a.engine.syncNow()).toMatchObject({ kind: 'ok', pushed: 5 });
    expect(await centre(site)).toHaveLength(5);
  });

  it("pulls another seat's changes and applies last-writer-wins by HLC on both seats", async () => {
    const site = await createSite(server.url);
    const a = await seat(site, { name: 'A' });
    const b = await seat(site, { name: 'B' });
    const [x] = await a.logCalls(1);
    if (!x) throw new Error('no call');
    await a.engine.syncNow();
    expect(await b.engine.syncNow()).toMatchObject({ kind: 'ok', pulled: 1 });
    expect(await b.db.calls.get(x.id)).toMatchObject({
      summary: x.summary,
      hlc: x.hlc,
      syncedAt: expect.any(String),
    });

    // B edits after seeing A's version: its clock has merged A's, so its edit orders later and wins everywhere.
    const seen = await b.db.calls.get(x.id);
    await b.save([{ ...must(seen), summary: 'edited on B' }]);
    await b.engine.syncNow();
    await a.engine.syncNow();
    expect(await a.db.calls.get(x.id)).toMatchObject({ summary: 'edited on B' });
    expect((await a.db.calls.get(x.id))?.hlc).toBe((await b.db.calls.get(x.id))?.hlc);
  });

  it('never overwrites a newer local version and leaves the outbox as it was', async () => {
    const a = await seat(null);
    const [x] = await a.logCalls(1);
    if (!x?.hlc) throw new Error('no call');
    const outbox = await a.db.outbox.toArray();
    const older: Change = {
      entity: 'call',
      entityId: x.id,
      op: 'upsert',
      data: { ...x, summary: 'older remote' },
      hlc: '000000000000001-0000-remote',
      deviceId: 'other',
    };
    const deleteOlder: Change = { ...older, op: 'delete', data: null };
    const report = await applyRemoteChanges(a.db, a.clock, [older, deleteOlder], '7');
    expect(report).toMatchObject({ calls: 0, keptLocal: 1 });
    expect(await a.db.calls.get(x.id)).toEqual(x);
    expect(await a.db.outbox.toArray()).toEqual(outbox);
    expect(await a.db.meta.get('pullCursor')).toEqual({ key: 'pullCursor', value: '7' });
  });

  it('clocks a day apart: a change from a seat one day ahead is applied and merged into the clock', async () => {
    const site = await createSite(server.url);
    const ahead = await seat(site, { name: 'ahead', now: () => Date.now() + DAY });
    const onTime = await seat(site, { name: 'on time' });
    const [x] = await ahead.logCalls(1);
    if (!x) throw new Error('no call');
    await ahead.engine.syncNow();
    await onTime.engine.syncNow();
    expect(await onTime.db.calls.get(x.id)).toMatchObject({ hlc: x.hlc });
    expect(onTime.engine.status().notices).toEqual([]);

    // The on-time seat's clock followed: its later edit orders after the fast seat's and wins there too.
    const local = await onTime.db.calls.get(x.id);
    const [edited] = await onTime.save([{ ...must(local), summary: 'fixed on time' }]);
    expect(must(edited?.hlc) > must(x.hlc)).toBe(true);
    await onTime.engine.syncNow();
    await ahead.engine.syncNow();
    expect(await ahead.db.calls.get(x.id)).toMatchObject({ summary: 'fixed on time' });
  });

  it('clocks ±1 day: a change the seat clock refuses to follow is kept, reported, and sync goes on', async () => {
    const site = await createSite(server.url);
    const ahead = await seat(site, { name: 'ahead', now: () => Date.now() + DAY });
    const behind = await seat(site, { name: 'behind', now: () => Date.now() - DAY });
    const x = must((await ahead.logCalls(1))[0]);
    await ahead.engine.syncNow();

    expect(await behind.engine.syncNow()).toMatchObject({ kind: 'ok', pulled: 1 });
    expect(await behind.db.calls.get(x.id)).toMatchObject({ hlc: x.hlc });
    expect(behind.engine.status().notices).toEqual([
      expect.objectContaining({ kind: 'clock-ahead', count: 1, detail: expect.stringContaining('36 h') }),
    ]);

    const y = must((await behind.logCalls(1))[0]);
    expect(await behind.engine.syncNow()).toMatchObject({ kind: 'ok', pushed: 1 });
    await ahead.engine.syncNow();
    expect(await ahead.db.calls.get(y.id)).toMatchObject({ summary: y.summary });
  });

  it('a server that lost acknowledged data (seq gap) gets everything again; nothing pending is dropped', async () => {
    const site = await createSite(server.url);
    const a = await seat(site);
    const first = await a.logCalls(3);
    await a.engine.syncNow();
    // The server is restored from a backup taken before those three arrived.
    const deviceId = a.central.status().deviceId;
    await db.query('DELETE FROM device_epochs WHERE device_id = $1', [deviceId]);
    await db.query('DELETE FROM records WHERE device_id = $1', [deviceId]);
    const later = await a.logCalls(2);

    expect(await a.engine.syncNow()).toMatchObject({ kind: 'ok' });
    expect(a.engine.status().notices[0]).toMatchObject({
      kind: 'gap-recovered',
      detail: expect.stringMatching(/server holds seq 0, this seat had 3 acknowledged/),
    });
    expect(await a.db.outbox.count()).toBe(0);
    const records = await db.query<{ entity_id: string }>(
      'SELECT entity_id FROM records WHERE device_id = $1',
      [deviceId],
    );
    expect(records.map((r) => r.entity_id).sort()).toEqual([...first, ...later].map((c) => c.id).sort());
  });

  it('runs one syncer at a time across windows of the same seat', async () => {
    const site = await createSite(server.url);
    const lock = memoryLock();
    const w1 = await seat(site, { lock });
    const w2 = await createSeat(server.url, null, { lock, db: w1.db, central: w1.central });
    await w1.logCalls(50);
    const outcomes = await Promise.all([w1.engine.syncNow(), w2.engine.syncNow()]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['busy', 'ok']);
    expect(await centre(site)).toHaveLength(50);
  });

  it('stores incident events by union of ids and site configuration for later use', async () => {
    const site = await createSite(server.url);
    const a = await seat(site, { name: 'A' });
    const b = await seat(site, { name: 'B' });
    // An event as the incidents feature writes it (src/shared/incidents/events.ts), which the centre validates.
    const event = IncidentEvent.parse({
      id: '0190f3a0-0000-7000-8000-000000000001',
      incidentId: '0190f3a0-0000-7000-8000-0000000000aa',
      hlc: a.clock.tick(),
      type: 'incident.note',
      payload: { text: 'UPS on battery' },
      author: '王芳',
      seat: 'A',
      occurredAt: new Date().toISOString(),
      recordedAt: new Date().toISOString(),
    });
    await a.db.transaction(
      'rw',
      [a.db.outbox, a.db.meta, a.db.seqClaims, a.db.table('incidentEvents')],
      async () => {
        await a.db.table('incidentEvents').add(event);
        await queueMutations(a.db, [
          {
            id: event.id,
            entity: 'incident-event',
            entityId: event.incidentId,
            op: 'append',
            data: event,
            hlc: event.hlc,
            createdAt: new Date().toISOString(),
          },
        ]);
      },
    );
    await call(server.url, 'PUT', `/v1/admin/sites/${site.code}/config/contacts`, {
      token: ADMIN_TOKEN,
      body: { people: [{ id: 'lead', name: '王芳' }] },
    });
    await a.engine.syncNow();
    expect(a.journalAcks).toContainEqual({ entity: 'incident-event', id: event.id, hlc: event.hlc });
    expect(await a.db.table('incidentEvents').get(event.id)).toMatchObject({ syncedAt: expect.any(String) });
    await b.engine.syncNow();
    expect(await b.db.table('incidentEvents').toArray()).toEqual([
      { ...event, syncedAt: expect.any(String) },
    ]);
    expect(await b.db.siteConfig.get('contacts')).toMatchObject({ data: { people: [{ id: 'lead' }] } });

    // Pulling everything again (a reset cursor) adds nothing: events are a union by id.
    await b.db.meta.put({ key: 'pullCursor', value: '' });
    await b.engine.syncNow();
    expect(await b.db.table('incidentEvents').count()).toBe(1);
    expect(await a.db.table('incidentEvents').count()).toBe(1);
    expect(SITE_CONFIG_ENTITY).toBe('site-config');
  });

  it('carries contact-tree edits to the other seats, last writer per person winning', async () => {
    const site = await createSite(server.url);
    const a = await seat(site, { name: 'A' });
    const b = await seat(site, { name: 'B' });
    const editor = (s: typeof a, name: string) =>
      createContactsRepository({ db: s.db, clock: s.clock, author: () => name, seat: () => name });
    const policy = mergePolicy(defaultPolicy(), { allowContactEdits: true });
    const manager = policy.contacts.people.find((p) => p.role === 'cs-manager');
    if (!manager) throw new Error('no manager in the default tree');

    await editor(a, '王芳').save({ ...manager, onDuty: false });
    await a.engine.syncNow();
    await b.engine.syncNow();
    expect(await b.db.contactEdits.get(manager.id)).toMatchObject({
      by: '王芳',
      person: { onDuty: false },
      syncedAt: expect.any(String),
    });

    // B changes the same person afterwards; A's pull takes it, and an older copy never wins back.
    await editor(b, '李雷').save({ ...manager, onDuty: true, phones: ['021-5555 0000'] });
    await b.engine.syncNow();
    await a.engine.syncNow();
    const edits = await a.db.contactEdits.toArray();
    expect(edits).toHaveLength(1);
    const tree = effectivePolicy(policy, { contactEdits: edits }).policy.contacts.people;
    expect(tree.find((p) => p.id === manager.id)).toMatchObject({ onDuty: true, phones: ['021-5555 0000'] });
    await a.db.meta.put({ key: 'pullCursor', value: '' });
    await a.engine.syncNow();
    expect((await a.db.contactEdits.get(manager.id))?.by).toBe('李雷');
  });

  it('says "not enrolled" without calling anyone, and works once enrolled', async () => {
    const a = await seat(null);
    await a.logCalls(2);
    expect(await a.engine.syncNow()).toEqual({ kind: 'not-enrolled' });
    expect(a.engine.status().phase).toBe('not-enrolled');
    const site = await createSite(server.url);
    await a.central.enroll({
      serverUrl: server.url,
      siteCode: site.code,
      enrollmentKey: site.enrollmentKey,
      deviceName: 'A',
    });
    expect(await a.engine.syncNow()).toMatchObject({ kind: 'ok', pushed: 2 });
  });

  it('an unreachable server is retried with backoff, not a stop', async () => {
    const site = await createSite(server.url);
    const a = await seat(site);
    await a.logCalls(1);
    a.intercept(async (channel, request, forward) =>
      channel === 'central:push'
        ? { ok: true, value: { ok: false, status: 0, error: 'network', message: 'ECONNREFUSED' } }
        : forward(),
    );
    expect(await a.engine.syncNow()).toMatchObject({
      kind: 'retry',
      error: { code: 'network', stopped: false },
    });
    expect(await a.db.outbox.count()).toBe(1);
  });
});

describe('backoff', () => {
  it('grows from 1 s to a 60 s cap, with jitter in the upper half', () => {
    expect(backoffDelay(1, () => 0)).toBe(500);
    expect(backoffDelay(1, () => 1)).toBe(1000);
    expect(backoffDelay(2, () => 1)).toBe(2000);
    expect(backoffDelay(6, () => 1)).toBe(32_000);
    expect(backoffDelay(7, () => 1)).toBe(60_000);
    expect(backoffDelay(50, () => 0)).toBe(30_000);
    expect(backoffDelay(50, () => 1)).toBe(60_000);
  });
});
