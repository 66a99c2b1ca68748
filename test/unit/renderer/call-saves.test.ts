import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { HybridClock } from '@shared/sync/hlc';
import { FloorguardDb } from '../../../src/renderer/data/db';
import { createDraftWriter } from '../../../src/renderer/data/drafts';
import { createCallsRepository } from '../../../src/renderer/features/calls/calls-repository';
import { newCall } from './fixtures';

const KEY = 'call-form';
const dbs: FloorguardDb[] = [];
function database() {
  const db = new FloorguardDb(`test-${crypto.randomUUID()}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
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
