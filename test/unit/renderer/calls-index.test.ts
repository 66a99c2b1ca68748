import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallLog } from '@shared/calls/schema';
import { defaultPolicy, mergePolicy } from '@shared/policy';
import { HybridClock } from '@shared/sync/hlc';
import { FloorguardDb } from '../../../src/renderer/data/db';
import type { LocalStore } from '../../../src/renderer/data/local-store';
import { createCallsRepository } from '../../../src/renderer/features/calls/calls-repository';
import {
  loadFirstPage,
  startCallsIndex,
  useCallsIndex,
} from '../../../src/renderer/features/calls/calls-index';

const dbs: FloorguardDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

describe('the in-memory calls index', () => {
  it('loads every call once, newest first (many sharing a millisecond across pages), then each save in its place', async () => {
    const db = new FloorguardDb(`test-${crypto.randomUUID()}`);
    dbs.push(db);
    // 7,000 calls in bursts of 1,200 logged in the same millisecond: every page boundary falls inside a burst.
    const calls: CallLog[] = Array.from({ length: 7_000 }, (_, i) => ({
      id: `01930000-0000-7000-8000-${i.toString(16).padStart(12, '0')}`,
      createdAt: new Date(Date.UTC(2026, 10, 1) + Math.floor(i / 1_200) * 60_000).toISOString(),
      agent: '王芳',
      callerPhone: `+86139${String(i).padStart(8, '0')}`,
      problemType: 'login-failure',
      summary: `第 ${i} 号`,
    }));
    await db.calls.bulkPut(calls);
    const store = {
      db,
      calls: createCallsRepository({ db, clock: new HybridClock('seat1'), journal: async () => undefined }),
    } as unknown as LocalStore;

    await loadFirstPage(db);
    expect(useCallsIndex.getState().all).toHaveLength(200);
    const stop = startCallsIndex(store);
    await expect.poll(() => useCallsIndex.getState().loaded, { timeout: 15_000 }).toBe(true);

    const all = useCallsIndex.getState().all;
    expect(all).toHaveLength(7_000);
    expect(new Set(all.map((c) => c.id)).size).toBe(7_000);
    expect(all.every((c, i) => i === 0 || (all[i - 1]?.createdAt ?? '') >= c.createdAt)).toBe(true);

    // A call logged now goes on top, an edited one stays in place with its new status, as soon as they are saved.
    const fresh = {
      ...calls[0],
      id: '01930000-0000-7000-8000-ffffffffffff',
      createdAt: new Date().toISOString(),
    } as CallLog;
    const edited = { ...(all[3] as CallLog), status: 'entered-in-crm' as const };
    await store.calls.save([fresh, edited]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const after = useCallsIndex.getState().all;
    expect(after).toHaveLength(7_001);
    expect(after[0]?.id).toBe(fresh.id);
    expect(after[4]).toMatchObject({ id: edited.id, status: 'entered-in-crm' });
    stop();
  });

  it('drops calls purged by retention or deleted elsewhere (a pull, another window), even mid-load', async () => {
    const db = new FloorguardDb(`test-${crypto.randomUUID()}`);
    dbs.push(db);
    const old = (i: number, fields: Partial<CallLog> = {}): CallLog => ({
      id: `01930000-0000-7000-8000-${i.toString(16).padStart(12, '0')}`,
      createdAt: new Date(Date.UTC(2026, 8, 1) + i * 1000).toISOString(),
      agent: '王芳',
      callerPhone: `+86139${String(i).padStart(8, '0')}`,
      problemType: 'login-failure',
      summary: `第 ${i} 号`,
      ...fields,
    });
    const finished = { status: 'closed' as const, syncedAt: '2026-09-02T00:00:00.000Z' };
    await db.calls.bulkPut([
      ...Array.from({ length: 5_000 }, (_, i) => old(i)),
      old(5_000, finished),
      old(5_001, finished),
    ]);
    const calls = createCallsRepository({
      db,
      clock: new HybridClock('seat1'),
      journal: async () => undefined,
      now: () => new Date('2026-11-24T00:00:00.000Z'),
    });
    const store = { db, calls } as unknown as LocalStore;
    useCallsIndex.setState({ all: [], loaded: false, version: 0 });
    const stop = startCallsIndex(store);

    // Retention runs while the index is still being read: the purged rows never show up in it.
    const policy = mergePolicy(defaultPolicy(), { retention: { purgeSyncedAfterDays: 30 } });
    expect(await calls.purgeSynced(policy)).toHaveLength(2);
    await expect.poll(() => useCallsIndex.getState().loaded, { timeout: 15_000 }).toBe(true);
    const ids = new Set(useCallsIndex.getState().all.map((c) => c.id));
    expect(ids.size).toBe(5_000);
    expect(ids.has(old(5_000).id)).toBe(false);

    // Deleted by a pull in another window: that window announces the ids; this one re-reads and drops them.
    await db.calls.delete(old(7).id);
    new BroadcastChannel('floorguard:calls').postMessage([old(7).id]);
    await expect.poll(() => useCallsIndex.getState().all.length).toBe(4_999);
    expect(useCallsIndex.getState().all.some((c) => c.id === old(7).id)).toBe(false);
    stop();
  });

  it('reads the first page forward from where the last snapshot’s page began, as the reverse read would', async () => {
    const db = new FloorguardDb(`test-${crypto.randomUUID()}`);
    dbs.push(db);
    // Three calls share each minute: page boundaries fall inside a minute.
    const at = (i: number) => new Date(Date.UTC(2026, 10, 1) + Math.floor(i / 3) * 60_000).toISOString();
    const calls: CallLog[] = Array.from({ length: 1_000 }, (_, i) => ({
      id: `01930000-0000-7000-8000-${i.toString(16).padStart(12, '0')}`,
      createdAt: at(i),
      agent: '王芳',
      callerPhone: `+86139${String(i).padStart(8, '0')}`,
      problemType: 'login-failure',
      summary: `第 ${i} 号`,
    }));
    await db.calls.bulkPut(calls);
    const ids = () => useCallsIndex.getState().all.map((c) => c.id);

    useCallsIndex.setState({ all: [], loaded: false });
    await loadFirstPage(db);
    const reverse = ids();
    expect(reverse).toHaveLength(200);

    // The snapshot's bound: the createdAt of the 200th newest call then (a minute shared with its neighbours).
    const since = calls[800]?.createdAt ?? null;
    useCallsIndex.setState({ all: [], loaded: false });
    await loadFirstPage(db, since);
    expect(ids()).toEqual(reverse);

    // Calls saved since the snapshot come first; when more than two pages were, the reverse read is used.
    const later = calls.slice(0, 450).map((c, i) => ({
      ...c,
      id: `01930000-0000-7000-9000-${i.toString(16).padStart(12, '0')}`,
      createdAt: new Date(Date.UTC(2026, 10, 2) + i * 1_000).toISOString(),
    }));
    await db.calls.bulkPut(later.slice(0, 5));
    useCallsIndex.setState({ all: [], loaded: false });
    await loadFirstPage(db, since);
    expect(ids().slice(0, 6)).toEqual([
      ...later
        .slice(0, 5)
        .map((c) => c.id)
        .reverse(),
      reverse[0],
    ]);
    await db.calls.bulkPut(later);
    useCallsIndex.setState({ all: [], loaded: false });
    await loadFirstPage(db, since);
    expect(ids()).toEqual(
      later
        .slice(250)
        .map((c) => c.id)
        .reverse(),
    );
  });
});
