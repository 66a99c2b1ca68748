import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CallLog } from '@shared/calls/schema';
import { HybridClock } from '@shared/sync/hlc';
import { FloorguardDb } from '../../../src/renderer/data/db';
import { writeDirect } from '../../../src/renderer/data/direct-write';
import { createDraftWriter, readDraft } from '../../../src/renderer/data/drafts';
import {
  CLAIM_RETENTION_MS,
  EXPECTATION_TTL_MS,
  callUpserts,
  pruneClaims,
} from '../../../src/renderer/data/outbox';
import { createCallsRepository } from '../../../src/renderer/features/calls/calls-repository';
import { recoverFromGap } from '../../../src/renderer/sync/recover-gap';
import { newCall } from './fixtures';

const KEY = 'call-form';
const dbs: FloorguardDb[] = [];
function database() {
  const db = new FloorguardDb(`test-${crypto.randomUUID()}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  const open = dbs.splice(0);
  // Every window closed first: a delete waits for (and warns about) connections still open.
  for (const db of open) db.close();
  for (const db of open) await db.delete();
});

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const call = newCall;

describe('saves from two windows of the same seat', () => {
  it('interleaved saves keep every record and contiguous outbox seq numbers', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const first = new FloorguardDb(name);
    const second = new FloorguardDb(name); // another window: its own connection, its own idea of the next seq
    dbs.push(first, second);
    const repository = (db: FloorguardDb, node: string) =>
      createCallsRepository({ db, clock: new HybridClock(node), journal: async () => undefined });
    const a = repository(first, 'windowA');
    const b = repository(second, 'windowB');

    await a.save([call('a1')]);
    await b.save([call('b1')]);
    await a.save([call('a2'), call('a3')]); // a's expected seq is stale now
    await b.save([call('b2')]);
    await Promise.all([a.save([call('a4')]), b.save([call('b3')])]);

    expect(await first.calls.count()).toBe(7);
    const outbox = await first.outbox.orderBy('seq').toArray();
    expect(outbox.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect((await first.meta.get('nextSeq'))?.value).toBe(8);
  });

  /** Two windows (connections) of one seat's database, both open, so saves take the direct path. */
  async function twoWindows() {
    const name = `test-${crypto.randomUUID()}`;
    const first = new FloorguardDb(name);
    const second = new FloorguardDb(name);
    dbs.push(first, second);
    await Promise.all([first.open(), second.open()]);
    const repository = (db: FloorguardDb, node: string) =>
      createCallsRepository({ db, clock: new HybridClock(node), journal: async () => undefined });
    return { first, second, a: repository(first, 'windowA'), b: repository(second, 'windowB') };
  }

  /** What the sync engine does once the centre holds everything up to `ackedSeq`. */
  async function acknowledge(db: FloorguardDb, ackedSeq: number, now = Date.now()) {
    await db.transaction('rw', [db.outbox, db.meta, db.seqClaims], async () => {
      await db.outbox.where('seq').belowOrEqual(ackedSeq).delete();
      await db.meta.put({ key: 'ackedSeq', value: ackedSeq });
      await pruneClaims(db, ackedSeq, now);
    });
  }

  const seqs = async (db: FloorguardDb) => (await db.outbox.orderBy('seq').toArray()).map((m) => m.seq);

  it('a window never writes at a seq another window used, even one acknowledged and gone from the outbox', async () => {
    const { first, a, b } = await twoWindows();
    await a.save([call('a1')]); // a expects 2 next
    await b.save([call('b1')]); // takes 2
    await acknowledge(first, 2); // the outbox no longer holds 2: only its claim says it is taken
    await a.save([call('a2')]);
    expect(await seqs(first)).toEqual([3]);
    expect((await first.meta.get('nextSeq'))?.value).toBe(4);
    expect((await first.seqClaims.toArray()).map((c) => c.seq)).toEqual([1, 2, 3]);
  });

  it('a window idle past the claims it relies on reads the counter again', async () => {
    const { first, a, b } = await twoWindows();
    await a.save([call('a1')]);
    await b.save([call('b1')]);
    // A day later the centre has both, and their claims are old enough to go.
    await acknowledge(first, 2, Date.now() + CLAIM_RETENTION_MS + 60_000);
    expect(await first.seqClaims.count()).toBe(0);
    const later = EXPECTATION_TTL_MS + 60_000;
    const realNow = performance.now.bind(performance);
    const realDate = Date.now.bind(Date);
    vi.spyOn(performance, 'now').mockImplementation(() => realNow() + later);
    vi.spyOn(Date, 'now').mockImplementation(() => realDate() + later);
    try {
      await a.save([call('a2')]);
    } finally {
      vi.restoreAllMocks();
    }
    expect(await seqs(first)).toEqual([3]);
  });

  it('after a gap recovery lowers the counter, a window that expected the old one leaves no gap', async () => {
    const { first, second, a } = await twoWindows();
    const [saved] = (await a.save([call('v1')])).saved;
    if (!saved) throw new Error('not saved');
    await a.save([{ ...saved, summary: 'v2' }]);
    await a.save([{ ...saved, summary: 'v3' }]); // a expects 4 next
    await acknowledge(first, 3);
    // The centre lost everything: one call to send again, from seq 1; the counter goes back to 2.
    await recoverFromGap(second, 0);
    expect((await first.meta.get('nextSeq'))?.value).toBe(2);
    await a.save([call('next')]);
    expect(await seqs(first)).toEqual([1, 2]);
    expect((await first.meta.get('nextSeq'))?.value).toBe(3);
  });

  it('a write that cannot be made leaves nothing behind, and the next one follows on', async () => {
    const { first, a } = await twoWindows();
    await a.save([call('a1')]);
    const broken = { ...call('no key'), id: undefined } as unknown as CallLog;
    await expect(
      writeDirect(first, {
        put: { calls: [call('kept back'), broken] },
        mutations: callUpserts([broken], ''),
      }),
    ).rejects.toMatchObject({ name: 'DataError' });
    expect(await first.calls.count()).toBe(1);
    expect(await seqs(first)).toEqual([1]);
    await a.save([call('a2')]);
    expect(await seqs(first)).toEqual([1, 2]);
    expect(await first.calls.count()).toBe(2);
  });

  it('claims go once the centre has their seq and they are a day old, oldest first', async () => {
    const db = database();
    const now = Date.now();
    const old = now - CLAIM_RETENTION_MS - 1;
    await db.seqClaims.bulkAdd([
      { seq: 1, at: old },
      { seq: 2, at: old },
      { seq: 3, at: now }, // acknowledged but recent: a window may still expect 3
      { seq: 4, at: old }, // newer seqs are kept behind it
      { seq: 5, at: old }, // not acknowledged
    ]);
    await db.transaction('rw', db.seqClaims, () => pruneClaims(db, 4, now));
    expect((await db.seqClaims.toArray()).map((c) => c.seq)).toEqual([3, 4, 5]);
  });
});

describe('call form drafts', () => {
  it('keeps the newest typing, written behind the keystrokes', async () => {
    const db = database();
    await db.open();
    const drafts = createDraftWriter(db, KEY, 20);
    drafts.write({ callerPhone: '1' });
    drafts.write({ callerPhone: '138' });
    drafts.write({ callerPhone: '138 1234', summary: '登录' });
    await settle(80);
    expect((await db.drafts.get(KEY))?.value).toEqual({ callerPhone: '138 1234', summary: '登录' });
  });

  it('an emptied form leaves no draft, and a write cancelled before it ran writes nothing', async () => {
    const db = database();
    await db.open();
    const drafts = createDraftWriter(db, KEY, 20);
    drafts.write({ summary: '说到一半' });
    await settle(80);
    drafts.write(null);
    await settle(80);
    expect(await db.drafts.get(KEY)).toBeUndefined();

    drafts.write({ summary: '正在保存' });
    drafts.cancel();
    await settle(80);
    expect(await db.drafts.get(KEY)).toBeUndefined();
  });

  it('a save removes the draft in its own transaction; a refused save leaves it', async () => {
    const db = database();
    const calls = createCallsRepository({
      db,
      clock: new HybridClock('seat1'),
      journal: async () => undefined,
    });
    const draft = { key: KEY, value: { summary: '草稿' }, updatedAt: new Date().toISOString() };

    await db.drafts.put(draft);
    await expect(calls.save([{ ...call('bad'), callerPhone: '' }], { clearDraft: KEY })).rejects.toThrow();
    expect(await db.drafts.get(KEY)).toEqual(draft);

    await calls.save([call('saved')], { clearDraft: KEY });
    expect(await db.drafts.get(KEY)).toBeUndefined();
    expect(await db.calls.count()).toBe(1);
  });
});

/** localStorage as far as the draft mirror uses it. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

/** An open database and a draft writer over it that mirrors into `mirror`. */
async function mirroredDrafts(mirror: Storage, intervalMs = 20) {
  const db = database();
  await db.open();
  return { db, drafts: createDraftWriter(db, KEY, intervalMs, mirror) };
}

describe('the draft mirror (every keystroke, for a renderer crash)', () => {
  it('holds the newest typing at once, before the stored draft is written', async () => {
    const mirror = memoryStorage();
    const { db, drafts } = await mirroredDrafts(mirror, 10_000);
    drafts.write({ callerPhone: '138' });
    drafts.write({ callerPhone: '138 1234', summary: '登' });
    // A crash now: the timer never runs, the stored draft was never written; the mirror has every key.
    expect(await db.drafts.get(KEY)).toBeUndefined();
    expect(await readDraft(db, KEY, mirror)).toEqual({ callerPhone: '138 1234', summary: '登' });
    drafts.cancel();
  });

  it('a save in progress removes it at once, so a saved call never comes back as a draft', async () => {
    const mirror = memoryStorage();
    const { db, drafts } = await mirroredDrafts(mirror);
    drafts.write({ summary: '正在保存' });
    await settle(60);
    drafts.cancel();
    expect(mirror.length).toBe(0);
    // The stored draft is the save transaction's to remove; until it commits, it is what a crash restores.
    expect(await readDraft(db, KEY, mirror)).toEqual({ summary: '正在保存' });
    drafts.write(null);
    await settle(60);
    expect(await readDraft(db, KEY, mirror)).toBeUndefined();
  });

  it('falls back to the stored draft without a mirror, and survives a full or broken one', async () => {
    const full = {
      ...memoryStorage(),
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    const { db, drafts } = await mirroredDrafts(full);
    drafts.write({ summary: '写满了' });
    await settle(60);
    expect(await readDraft(db, KEY, full)).toEqual({ summary: '写满了' });
    expect(await readDraft(db, KEY, null)).toEqual({ summary: '写满了' });
    const broken = memoryStorage();
    broken.setItem('floorguard:draft:call-form', '{not json');
    expect(await readDraft(db, KEY, broken)).toEqual({ summary: '写满了' });
  });
});
