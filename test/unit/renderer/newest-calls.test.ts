import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { FloorguardDb } from '../../../src/renderer/data/db';
import { readNewestCalls } from '../../../src/renderer/boot/newest-calls';
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
    expect((await readNewestCalls(name, 12)).map((c) => c.summary)).toEqual(expected);
    // Forward from where the last snapshot's rows began: the same rows, and calls saved since come first.
    const since = calls[18]?.createdAt ?? null;
    expect((await readNewestCalls(name, 12, since)).map((c) => c.summary)).toEqual(expected);
    const reopened = new FloorguardDb(name);
    dbs.push(reopened);
    const later = { ...newCall('之后保存的'), createdAt: new Date(Date.UTC(2026, 10, 1, 9)).toISOString() };
    await reopened.calls.put(later);
    reopened.close();
    expect((await readNewestCalls(name, 12, since)).map((c) => c.summary)).toEqual([
      '之后保存的',
      ...expected.slice(0, 11),
    ]);
    // Fewer calls than rows when the snapshot was taken (null): read from the start.
    expect(await readNewestCalls(name, 40, null)).toHaveLength(31);
  });

  it('reads backwards when more calls were saved since the snapshot than it reads forward', async () => {
    const { name, db } = bootDatabase();
    const calls = Array.from({ length: 260 }, (_, i) => ({
      ...newCall(`第 ${i} 通`),
      createdAt: new Date(Date.UTC(2026, 10, 1, 8) + i * 1000).toISOString(),
    }));
    await db.calls.bulkPut(calls);
    db.close();
    const newest = await readNewestCalls(name, 12, calls[0]?.createdAt ?? null);
    expect(newest.map((c) => c.summary)).toEqual(
      calls
        .slice(248)
        .reverse()
        .map((c) => c.summary),
    );
  });

  it('creates no database on a new seat, so Dexie still makes it with its own schema', async () => {
    const name = `boot-${crypto.randomUUID()}`;
    expect(await readNewestCalls(name, 12)).toEqual([]);
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
      readNewestCalls(name, 12),
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
});
