import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { HybridClock } from '@shared/sync/hlc';
import { PushRequest, type Mutation } from '@shared/sync/protocol';
import type { Database, Queryable } from '../db/database';
import { applyPushesIn, preparePush } from './apply';
import { MAX_GROUP_MUTATIONS, MAX_GROUP_PUSHES } from './push-queue';

export interface WarmUpOptions {
  /** Made-up seats pushing at once (each round is one push per seat, grouped as the push queue groups them). */
  seats?: number;
  rounds?: number;
  mutationsPerPush?: number;
}

/** How the warm-up's transactions end: rolled back by throwing this (and nothing else is caught). */
class WarmUpDone extends Error {}

/**
 * Runs the push path — validation, preparation, the group transaction's statements — on made-up pushes from made-up
 * seats of a made-up site, in transactions that are all rolled back, before the server takes traffic. A restarted
 * centre meets its floor's reconnect burst first (every seat pushing its backlog at once), and cold that burst ran
 * about twice as slow as warm: the JavaScript is not yet optimised, PGlite's WebAssembly still runs its baseline
 * code, and the first group's statements are not yet prepared. Nothing is written: the made-up site, devices and
 * every row the pushes wrote vanish with the rollback (ids are random, so API nodes starting together never meet on
 * a key). Returns how many mutations went through.
 */
export async function warmUpPushPath(db: Database, options: WarmUpOptions = {}): Promise<number> {
  const { seats = 32, rounds = 4, mutationsPerPush = 50 } = options;
  let applied = 0;
  for (let round = 0; round < rounds; round++) {
    for (const size of groupSizes(seats, mutationsPerPush))
      applied += await warmUpGroup(db, size, mutationsPerPush);
  }
  return applied;
}

/**
 * One group of pushes, in its own transaction (a group's log rows are numbered within its transaction), rolled back
 * — its made-up site and seats with it.
 */
async function warmUpGroup(db: Database, seats: number, mutationsPerPush: number): Promise<number> {
  let applied = 0;
  try {
    await db.transaction(async (tx) => {
      const devices = await madeUpSeats(tx, seats);
      const pushes = devices.map((device) =>
        preparePush(
          device,
          PushRequest.parse({ epoch: device.epoch, mutations: madeUpMutations(device, mutationsPerPush) }),
        ),
      );
      for (const outcome of await applyPushesIn(tx, pushes)) {
        if ('error' in outcome) throw outcome.error;
        applied += outcome.response.applied;
      }
      throw new WarmUpDone();
    });
  } catch (error) {
    if (!(error instanceof WarmUpDone)) throw error;
  }
  return applied;
}

interface MadeUpSeat {
  deviceId: string;
  siteId: string;
  epoch: string;
  clock: HybridClock;
}

async function madeUpSeats(tx: Queryable, count: number): Promise<MadeUpSeat[]> {
  const siteId = `warm-up-${randomUUID()}`;
  await tx.query('INSERT INTO sites (id, code, name, enrollment_key_hash) VALUES ($1, $1, $2, $3)', [
    siteId,
    'warm-up',
    'not a key',
  ]);
  const seats = Array.from({ length: count }, () => {
    const deviceId = randomUUID();
    return {
      deviceId,
      siteId,
      epoch: `warm-up-${randomUUID()}`,
      clock: new HybridClock(deviceId.slice(0, 8)),
    };
  });
  await tx.query(
    `INSERT INTO devices (id, site_id, name, token_hash)
     SELECT id, $1, 'warm-up', 'warm-up:' || id FROM unnest($2::text[]) AS id`,
    [siteId, seats.map((seat) => seat.deviceId)],
  );
  return seats;
}

/** The push queue's groups for `seats` pushes at once: as many pushes as fit its limits, then the rest. */
function groupSizes(seats: number, perPush: number): number[] {
  const size = Math.max(1, Math.min(MAX_GROUP_PUSHES, Math.floor(MAX_GROUP_MUTATIONS / perPush)));
  const sizes: number[] = [];
  for (let left = seats; left > 0; left -= size) sizes.push(Math.min(size, left));
  return sizes;
}

/** What a busy floor pushes: mostly calls (new and edited), some incident notes. */
function madeUpMutations(seat: MadeUpSeat, count: number): Mutation[] {
  const incidentId = uuidv7();
  return Array.from({ length: count }, (_, i): Mutation => {
    const seq = i + 1;
    const hlc = seat.clock.tick();
    const at = new Date().toISOString();
    if (i % 5 === 4) {
      const id = uuidv7();
      return {
        id: uuidv7(),
        seq,
        entity: 'incident-event',
        entityId: incidentId,
        op: 'append',
        data: {
          id,
          incidentId,
          type: 'incident.note',
          hlc,
          author: '预热',
          seat: 'warm-up',
          occurredAt: at,
          recordedAt: at,
          payload: { text: '系统启动预热' },
        },
        hlc,
      };
    }
    const id = uuidv7();
    return {
      id: uuidv7(),
      seq,
      entity: 'call',
      entityId: id,
      op: 'upsert',
      data: {
        id,
        createdAt: at,
        agent: '预热',
        callerPhone: '+8613800000000',
        problemType: 'login-failure',
        summary: '系统启动预热',
      },
      hlc,
    };
  });
}
