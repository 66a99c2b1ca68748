import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { HybridClock } from '@shared/sync/hlc';
import { PushRequest, type Mutation } from '@shared/sync/protocol';
import type { Database, Queryable } from '../db/database';
import { applyPushesIn } from './apply';
import { preparePush } from './prepare';
import { MAX_GROUP_MUTATIONS, MAX_GROUP_PUSHES } from './push-queue';

export interface WarmUpOptions {
  /** Group transactions; default: four, or one per database connection if there are more (all run at once). */
  groups?: number;
  /** Made-up seats per group, one push each (default: as many as the push queue puts in a group). */
  seatsPerGroup?: number;
  mutationsPerPush?: number;
}

/** How the warm-up's transactions end: rolled back by throwing this (and nothing else is caught). */
class WarmUpDone extends Error {}

/**
 * Runs the push path — validation, preparation, the group transaction's statements — on made-up pushes from made-up
 * seats of a made-up site, in transactions that are all rolled back, before the server takes traffic. A restarted
 * centre meets its floor's reconnect burst first (every seat pushing its backlog at once), and cold that burst ran
 * about twice as slow as warm: the JavaScript is not yet optimised, PGlite's WebAssembly still runs its baseline
 * code, the group's statements are not yet prepared, and on PostgreSQL the pool's connections are not even open yet.
 * Nothing is written: the made-up site, devices and every row the pushes wrote vanish with the rollback (ids are
 * random, so API nodes starting together never meet on a key). Returns how many mutations went through.
 */
export async function warmUpPushPath(db: Database, options: WarmUpOptions = {}): Promise<number> {
  const mutationsPerPush = options.mutationsPerPush ?? 50;
  const seatsPerGroup =
    options.seatsPerGroup ??
    Math.max(1, Math.min(MAX_GROUP_PUSHES, Math.floor(MAX_GROUP_MUTATIONS / mutationsPerPush)));
  // All at once: on PostgreSQL every connection of the pool is opened and prepares its statements (PGlite, one
  // connection, takes them in turn).
  const groups = options.groups ?? Math.max(4, db.connections);
  const applied = await Promise.all(
    Array.from({ length: groups }, () => warmUpGroup(db, seatsPerGroup, mutationsPerPush)),
  );
  return applied.reduce((sum, n) => sum + n, 0);
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
        if ('refused' in outcome) throw new Error(`warm-up push refused: ${outcome.refused.message}`);
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
