import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mutation } from '@shared/sync/protocol';
import { Seat, callLog, createSite } from './helpers';
import { startChild, type ChildServer } from './child';
import { PG_SKIP_MESSAGE, findPostgresBin, startPostgres, type PgCluster } from './pg-cluster';

const BATCH = 500;

/** A mixed backlog: mostly calls (records), some incident events (log). */
function backlog(seat: Seat, size: number): Mutation[] {
  return Array.from({ length: size }, (_, i) =>
    i % 5 === 0 ? seat.appendEvent('inc-1', 'note') : seat.upsertCall(callLog()),
  );
}

/**
 * The server process is SIGKILLed while a push transaction is open, then restarted on the same storage: the batch is
 * wholly absent (never half-applied), and the seat's replay completes it exactly once.
 */
function defineCrashTests(storage: () => { dataDir?: string; databaseUrl?: string }): void {
  let child: ChildServer | undefined;
  afterAll(async () => child?.kill());

  it('killed inside the push transaction: none of the batch is applied, and the replay applies all of it', async () => {
    child = await startChild({ ...storage(), env: { FLOORGUARD_TEST_HOLD_COMMIT_MS: '60000' } });
    const site = await createSite(child.url);
    const seat = await Seat.enroll(child.url, site);
    const batch = backlog(seat, BATCH);
    const push = seat.push(batch).catch((error: unknown) => error);
    await child.waitForLog(/holding push transaction open before commit/);
    await child.kill();
    expect(await push).toBeInstanceOf(Error); // the connection died with the process: no ack reached the seat

    child = await startChild(storage());
    const seatAgain = new Seat(child.url, seat.deviceId, seat.token, seat.epoch);
    expect(await seatAgain.pullAll()).toEqual([]);
    const replay = await seatAgain.push(batch);
    expect(replay.body).toMatchObject({ ackedSeq: BATCH, applied: BATCH, duplicates: 0 });
    expect(await seatAgain.pullAll()).toHaveLength(BATCH);
    await child.kill();
  });

  it('killed at an arbitrary moment during a backlog push: whole batches only, and the replay completes it', async () => {
    child = await startChild(storage());
    const seat = await Seat.enroll(child.url, await createSite(child.url));
    const all = backlog(seat, 6 * BATCH);
    const sending = (async () => {
      for (let i = 0; i < all.length; i += BATCH) {
        const reply = await seat.push(all.slice(i, i + BATCH));
        if (reply.status !== 200) return;
      }
    })().catch(() => undefined);
    await new Promise((done) => setTimeout(done, 150 + Math.floor(Math.random() * 400)));
    await child.kill();
    await sending;

    child = await startChild(storage());
    const again = new Seat(child.url, seat.deviceId, seat.token, seat.epoch);
    const before = await again.pullAll();
    expect(before.length % BATCH).toBe(0); // all of a batch or none of it
    // The seat does not know what committed: it replays its whole unacknowledged tail from its last stored ack (0).
    for (let i = 0; i < all.length; i += BATCH) {
      expect((await again.push(all.slice(i, i + BATCH))).status).toBe(200);
    }
    const after = await again.pullAll();
    expect(after.map((c) => c.hlc)).toEqual(all.map((m) => m.hlc));
    await child.kill();
  });
}

describe('crash safety on PGlite (data directory)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'floorguard-crash-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  defineCrashTests(() => ({ dataDir }));
}, 180_000);

const bin = findPostgresBin();
if (!bin) console.log(PG_SKIP_MESSAGE);

describe.skipIf(!bin)(
  'crash safety on PostgreSQL',
  () => {
    let cluster: PgCluster | undefined;
    beforeAll(async () => {
      cluster = await startPostgres(bin ?? '');
    });
    afterAll(async () => cluster?.stop());
    defineCrashTests(() => ({ databaseUrl: cluster?.url ?? '' }));
  },
  180_000,
);
