import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FloorguardDb } from '../../../src/renderer/data/db';
import { takeEarlyOpening } from '../../../src/renderer/boot/early-open';
import { earlyOpenScript } from '../../../src/renderer/boot/early-open-script';
import { openCalls, readNewestCalls } from '../../../src/renderer/boot/newest-calls';
import { newCall } from './fixtures';

const dbs: FloorguardDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

/** A seat's database under a fresh name, closed after the test. */
function bootDatabase(): { name: string; db: FloorguardDb } {
  const name = `boot-${crypto.randomUUID()}`;
  const db = new FloorguardDb(name);
  dbs.push(db);
  return { name, db };
}

function databaseNames(): Promise<string[]> {
  return indexedDB.databases().then((all) => all.map((d) => d.name ?? ''));
}

describe('the boot code’s read of the newest calls (bare IndexedDB, before Dexie)', () => {
  it('gives the newest calls first, at most the number asked for', async () => {
    const { name, db } = bootDatabase();
    const calls = Array.from({ length: 30 }, (_, i) => ({
      ...newCall(`第 ${i} 通`),
      createdAt: new Date(Date.UTC(2026, 10, 1, 8, i)).toISOString(),
    }));
    await db.calls.bulkPut([...calls].reverse());
    db.close();

    const expected = calls
      .slice(18)
      .reverse()
      .map((c) => c.summary);
    expect((await readNewestCalls(openCalls(name), 12)).map((c) => c.summary)).toEqual(expected);
    // Forward from where the last snapshot's rows began: the same rows, and calls saved since come first.
    const since = calls[18]?.createdAt ?? null;
    expect((await readNewestCalls(openCalls(name), 12, since)).map((c) => c.summary)).toEqual(expected);
    const reopened = new FloorguardDb(name);
    dbs.push(reopened);
    const later = { ...newCall('之后保存的'), createdAt: new Date(Date.UTC(2026, 10, 1, 9)).toISOString() };
    await reopened.calls.put(later);
    reopened.close();
    expect((await readNewestCalls(openCalls(name), 12, since)).map((c) => c.summary)).toEqual([
      '之后保存的',
      ...expected.slice(0, 11),
    ]);
    // Fewer calls than rows when the snapshot was taken (null): read from the start.
    expect(await readNewestCalls(openCalls(name), 40, null)).toHaveLength(31);
  });

  it('reads backwards when more calls were saved since the snapshot than it reads forward', async () => {
    const { name, db } = bootDatabase();
    const calls = Array.from({ length: 260 }, (_, i) => ({
      ...newCall(`第 ${i} 通`),
      createdAt: new Date(Date.UTC(2026, 10, 1, 8) + i * 1000).toISOString(),
    }));
    await db.calls.bulkPut(calls);
    db.close();
    const newest = await readNewestCalls(openCalls(name), 12, calls[0]?.createdAt ?? null);
    expect(newest.map((c) => c.summary)).toEqual(
      calls
        .slice(248)
        .reverse()
        .map((c) => c.summary),
    );
  });

  it('creates no database on a new seat, so Dexie still makes it with its own schema', async () => {
    const name = `boot-${crypto.randomUUID()}`;
    expect(await readNewestCalls(openCalls(name), 12)).toEqual([]);
    expect(await databaseNames()).not.toContain(name);

    const db = new FloorguardDb(name);
    dbs.push(db);
    await db.calls.put(newCall('新坐席第一通'));
    expect((await db.calls.toArray()).map((c) => c.summary)).toEqual(['新坐席第一通']);
  });

  it('never holds up the app’s open: its connection is closed when the rows are in', async () => {
    const name = `boot-${crypto.randomUUID()}`;
    const first = new FloorguardDb(name);
    await first.calls.put(newCall('已有记录'));
    first.close();

    const [rows, opened] = await Promise.all([
      readNewestCalls(openCalls(name), 12),
      (async () => {
        const db = new FloorguardDb(name);
        dbs.push(db);
        await db.open();
        return db.calls.count();
      })(),
    ]);
    expect(rows.map((c) => c.summary)).toEqual(['已有记录']);
    expect(opened).toBe(1);
  });

  describe('opened by the inline script while the page is parsed', () => {
    // The page's inline script runs against the window; in this test the global scope stands in for it.
    const scope = globalThis as { window?: unknown };
    const hadWindow = 'window' in scope;
    beforeAll(() => {
      if (!hadWindow) scope.window = globalThis;
    });
    afterAll(() => {
      if (!hadWindow) delete scope.window;
    });
    /** Runs the script exactly as the build inlines it into index.html. */
    const runInlineScript = (name: string) => new Function(earlyOpenScript(name))();

    it('reads the newest calls through the connection the inline script opened, once', async () => {
      const { name, db } = bootDatabase();
      await db.calls.bulkPut([newCall('第一通'), newCall('第二通')]);
      db.close();

      runInlineScript(name);
      const opening = takeEarlyOpening();
      expect(opening).toBeDefined();
      expect(takeEarlyOpening()).toBeUndefined();
      const rows = await readNewestCalls(opening ?? openCalls(name), 12);
      expect(rows.map((c) => c.summary).sort()).toEqual(['第一通', '第二通']);
    });

    it('creates no database on a new seat', async () => {
      const name = `boot-${crypto.randomUUID()}`;
      runInlineScript(name);
      expect(await takeEarlyOpening()).toBeNull();
      expect(await databaseNames()).not.toContain(name);
    });

    it('lets an upgrade through while its connection is still open and unread', async () => {
      const { name, db } = bootDatabase();
      await db.calls.put(newCall('升级前'));
      db.close();
      runInlineScript(name);
      const early = await takeEarlyOpening();
      expect(early).not.toBeNull();

      const upgraded = await new Promise<IDBDatabase>((opened, failed) => {
        const request = indexedDB.open(name, (early?.version ?? 1) + 1);
        request.onblocked = () => failed(new Error('the early connection blocked the upgrade'));
        request.onsuccess = () => opened(request.result);
        request.onerror = () => failed(request.error);
      });
      expect(upgraded.objectStoreNames.contains('calls')).toBe(true);
      upgraded.close();
    });
  });
});
