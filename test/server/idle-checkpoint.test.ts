import { afterEach, describe, expect, it, vi } from 'vitest';
import { startIdleCheckpoints } from '../../server/db/idle-checkpoint';
import { openDatabase, type Database } from '../../server/index';

/** A database that only answers what the checkpointer asks: the WAL position (moved by `write`) and CHECKPOINT. */
function fakeDb() {
  let lsn = 1;
  const checkpoints: number[] = [];
  const db = {
    kind: 'pglite',
    connections: 1,
    async query(sql: string) {
      if (sql.startsWith('SELECT pg_current_wal_lsn()')) return [{ lsn: `0/${lsn}` }];
      if (sql === 'CHECKPOINT') {
        checkpoints.push(lsn);
        lsn++; // the checkpoint's own WAL record
        return [];
      }
      throw new Error(`unexpected statement: ${sql}`);
    },
    transaction: () => Promise.reject(new Error('not used')),
    close: () => Promise.resolve(),
  } as unknown as Database;
  return { db, checkpoints, write: () => void lsn++ };
}

describe('idle checkpoints of the embedded database', () => {
  afterEach(() => void vi.useRealTimers());

  it('checkpoints every few minutes when something was written and no push is running, and not otherwise', async () => {
    vi.useFakeTimers();
    const { db, checkpoints, write } = fakeDb();
    let idle = true;
    const scheduler = startIdleCheckpoints({ db, idle: () => idle, everyMs: 300_000, retryMs: 10_000 });

    write();
    await vi.advanceTimersByTimeAsync(299_000);
    expect(checkpoints).toHaveLength(0); // not yet due
    await vi.advanceTimersByTimeAsync(1_000);
    expect(checkpoints).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(300_000);
    expect(checkpoints).toHaveLength(1); // nothing written since: nothing to do

    write();
    idle = false;
    await vi.advanceTimersByTimeAsync(300_000);
    expect(checkpoints).toHaveLength(1); // a burst is on: it waits
    await vi.advanceTimersByTimeAsync(20_000);
    expect(checkpoints).toHaveLength(1);
    idle = true;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(checkpoints).toHaveLength(2); // as soon as the burst is over

    scheduler.stop();
    write();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(checkpoints).toHaveLength(2);
  });

  it('a failed checkpoint is reported and the next one still comes', async () => {
    vi.useFakeTimers();
    const { db, checkpoints, write } = fakeDb();
    const failing = {
      ...db,
      query: vi.fn(db.query).mockImplementationOnce(() => Promise.reject(new Error('disk full'))),
    } as Database;
    const errors: unknown[] = [];
    startIdleCheckpoints({ db: failing, idle: () => true, everyMs: 1_000, onError: (e) => errors.push(e) });
    write();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(errors).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(checkpoints).toHaveLength(1);
  });

  it('on PGlite, nothing checkpoints by itself; after ours, recovery would start past every write', async () => {
    const db = await openDatabase();
    try {
      const scheduler = startIdleCheckpoints({ db, idle: () => true, everyMs: 3_600_000 });
      const redo = async () =>
        (await db.query<{ lsn: string }>('SELECT redo_lsn::text AS lsn FROM pg_control_checkpoint()'))[0]
          ?.lsn;
      const position = async () =>
        (await db.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn'))[0]?.lsn;
      const atOrAfter = async (a: string | undefined, b: string | undefined) =>
        (await db.query<{ ok: boolean }>('SELECT $1::pg_lsn >= $2::pg_lsn AS ok', [a, b]))[0]?.ok;

      const redoAtStart = await redo();
      await db.query('CREATE TABLE filler (n int, pad text)');
      // Over three 16 MB WAL segments.
      for (let i = 0; i < 12; i++) {
        await db.query(`INSERT INTO filler SELECT g, repeat('x', 400) FROM generate_series(1, 10000) g`);
      }
      const written = await position();
      expect(await redo()).toBe(redoAtStart);

      expect(await scheduler.checkpointNow()).toBe(true);
      expect(await atOrAfter(await redo(), written)).toBe(true);
      expect(await scheduler.checkpointNow()).toBe(false); // nothing written since
      scheduler.stop();
    } finally {
      await db.close();
    }
  }, 120_000);
});
