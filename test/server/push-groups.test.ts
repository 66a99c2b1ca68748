import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResponse } from '@shared/sync/protocol';
import type { DeviceIdentity } from '../../server/auth';
import { openDatabase, type Database } from '../../server/index';
import { PushQueue } from '../../server/sync/push-queue';
import {
  ADMIN_TOKEN,
  Seat,
  call,
  callLog,
  createSite,
  holdFirstCommit,
  startServer,
  type TestServer,
} from './helpers';

/**
 * Group commit (server/sync/push-queue.ts) on PGlite, where one transaction runs at a time: pushes that wait while
 * a transaction runs are applied together in the next one, yet each keeps its own answer and its own all-or-nothing.
 */
describe('pushes that wait for the database are applied as one group', () => {
  let db: Database;
  let server: TestServer;
  beforeAll(async () => {
    db = await openDatabase();
    server = await startServer(db, { rateLimit: false });
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  const identity = async (seat: Seat): Promise<DeviceIdentity> => ({
    deviceId: seat.deviceId,
    siteId:
      (await db.query<{ site_id: string }>('SELECT site_id FROM devices WHERE id = $1', [seat.deviceId]))[0]
        ?.site_id ?? '',
  });
  const outcome = (pushed: Promise<PushResponse>) =>
    pushed.then(
      (response) => ({ status: 200, response }),
      (error: { statusCode?: number; ackedSeq?: number }) => ({ status: error.statusCode, error }),
    );

  /**
   * Four seats of one site, one of them revoked; `first` will hold the database while the others queue. Their
   * identities are looked up now: once `first` holds PGlite's one connection, every query waits for it.
   */
  async function floor() {
    const site = await createSite(server.url);
    const seats = await Promise.all(Array.from({ length: 4 }, () => Seat.enroll(server.url, site)));
    const [first, fresh, gapped, revoked] = seats as [Seat, Seat, Seat, Seat];
    await call(server.url, 'POST', `/v1/admin/devices/${revoked.deviceId}/revoke`, { token: ADMIN_TOKEN });
    const ids = new Map(await Promise.all(seats.map(async (s) => [s, await identity(s)] as const)));
    const id = (seat: Seat) => ids.get(seat) ?? { deviceId: '', siteId: '' };
    return { first, fresh, gapped, revoked, id };
  }

  it('each push of a group gets its own answer: applied, seq gap and revoked side by side', async () => {
    const { first, fresh, gapped, revoked, id } = await floor();
    const gate = holdFirstCommit();
    let transactions = 0;
    const queue = new PushQueue(
      db,
      {
        beforeCommit: async () => {
          transactions++;
          await gate.hooks.beforeCommit();
        },
      },
      1,
    );

    const held = outcome(
      queue.push(id(first), { epoch: first.epoch, mutations: [first.upsertCall(callLog())] }),
    );
    await gate.atCommit;
    const freshBatch = [fresh.upsertCall(callLog()), fresh.appendEvent('inc-1', 'note')];
    gapped.seq = 4; // its first push starts at 5: the server has nothing from it
    const [applied, gap, refused] = [
      outcome(queue.push(id(fresh), { epoch: fresh.epoch, mutations: freshBatch })),
      outcome(
        queue.push(id(gapped), {
          epoch: gapped.epoch,
          mutations: [gapped.upsertCall(callLog())],
        }),
      ),
      outcome(
        queue.push(id(revoked), {
          epoch: revoked.epoch,
          mutations: [revoked.upsertCall(callLog())],
        }),
      ),
    ];
    gate.release();

    expect((await held).status).toBe(200);
    expect(await applied).toEqual({
      status: 200,
      response: { ackedSeq: 2, applied: 2, duplicates: 0, rejected: [] },
    });
    expect(await gap).toMatchObject({ status: 409, error: { code: 'seq_gap', ackedSeq: 0 } });
    expect(await refused).toMatchObject({ status: 401 });
    expect(transactions).toBe(2); // the held push, then the three waiting ones together

    const pulled = await fresh.pullAll();
    expect(pulled.map((c) => c.deviceId)).toEqual([first.deviceId, fresh.deviceId, fresh.deviceId]);
    expect((await fresh.push(freshBatch)).body).toMatchObject({ ackedSeq: 2, applied: 0, duplicates: 2 });
  });

  it("a device's second push waits for a later group, after its first", async () => {
    const { first, fresh, id } = await floor();
    const gate = holdFirstCommit();
    const queue = new PushQueue(db, gate.hooks, 1);
    const held = queue.push(id(first), {
      epoch: first.epoch,
      mutations: [first.upsertCall(callLog())],
    });
    await gate.atCommit;
    const device = id(fresh);
    const one = [fresh.upsertCall(callLog()), fresh.upsertCall(callLog())];
    const two = [fresh.appendEvent('inc-1', 'a'), fresh.appendEvent('inc-1', 'b')];
    const pushes = [
      queue.push(device, { epoch: fresh.epoch, mutations: one }),
      queue.push(device, { epoch: fresh.epoch, mutations: two }),
    ];
    gate.release();
    await held;
    expect((await Promise.all(pushes)).map((r) => r.ackedSeq)).toEqual([2, 4]);
    expect((await fresh.pullAll()).slice(1).map((c) => c.hlc)).toEqual([...one, ...two].map((m) => m.hlc));
  });

  it('when a group transaction fails, its pushes are retried one by one and none is lost or doubled', async () => {
    const { first, fresh, gapped, id } = await floor();
    const gate = holdFirstCommit();
    let calls = 0;
    const queue = new PushQueue(
      db,
      {
        beforeCommit: async () => {
          calls++;
          if (calls === 2) throw new Error('injected failure of the group transaction');
          await gate.hooks.beforeCommit();
        },
      },
      1,
    );
    const opening = first.upsertCall(callLog());
    const held = queue.push(id(first), { epoch: first.epoch, mutations: [opening] });
    await gate.atCommit;
    const a = [fresh.upsertCall(callLog())];
    const b = [gapped.appendEvent('inc-1', 'x'), gapped.upsertCall(callLog())];
    const pushes = [
      queue.push(id(fresh), { epoch: fresh.epoch, mutations: a }),
      queue.push(id(gapped), { epoch: gapped.epoch, mutations: b }),
    ];
    gate.release();
    await held;
    expect((await Promise.all(pushes)).map((r) => r.applied)).toEqual([1, 2]);
    expect(calls).toBe(4); // held push, failed group, then each push alone
    const log = (await fresh.pullAll()).map((c) => c.hlc);
    expect(log.sort()).toEqual([opening, ...a, ...b].map((m) => m.hlc).sort());
  });
});
