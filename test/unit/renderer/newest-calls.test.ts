import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { FloorguardDb } from '../../../src/renderer/data/db';
import { readNewestCalls } from '../../../src/renderer/boot/newest-calls';
import { newCall } from './fixtures';

const dbs: FloorguardDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

function databaseNames(): Promise<string[]> {
  return indexedDB.databases().then((all) => all.map((d) => d.name ?? ''));
}

describe('the boot code’s read of the newest calls (bare IndexedDB, before Dexie)', () => {
  it('gives the newest calls first, at most the number asked for', async () => {
    const name = `boot-${crypto.randomUUID()}`;
    const db = new FloorguardDb(name);
    dbs.push(db);
    const calls = Array.from({ length: 30 }, (_, i) => ({
      ...newCall(`第 ${i} 通`),
      createdAt: new Date(Date.UTC(2026, 10, 1, 8, i)).toISOString(),
    }));
    await db.calls.bulkPut([...calls].reverse());
    db.close();

    const newest = await readNewestCalls(name, 12);
    expect(newest.map((c) => c.summary)).toEqual(
      calls
        .slice(18)
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
