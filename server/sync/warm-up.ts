import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { HybridClock } from '@shared/sync/hlc';
import { PushRequest, type Mutation } from '@shared/sync/protocol';
import type { Database } from '../db/database';
import { preparePush } from './prepare';
import { MAX_GROUP_MUTATIONS, MAX_GROUP_PUSHES } from './push-queue';

export interface WarmUpOptions {
  /** Group transactions; default: four, or one per database connection if there are more (all run at once). */
  groups?: number;
  /** Made-up seats per group, one push each (default: as many as the push queue puts in a group). */
  seatsPerGroup?: number;
  mutationsPerPush?: number;
}

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
 * One group of pushes from made-up seats of a made-up site, in its own transaction (a group's log rows are numbered
 * within its transaction), on the path a real group takes (Database.run: on PGlite, its thread), rolled back — the
 * site and seats with it.
 */
async function warmUpGroup(db: Database, seats: number, mutationsPerPush: number): Promise<number> {
  const siteId = `warm-up-${randomUUID()}`;
  const devices = Array.from({ length: seats }, (): MadeUpSeat => {
    const deviceId = randomUUID();
    return {
      deviceId,
      siteId,
      epoch: `warm-up-${randomUUID()}`,
      clock: new HybridClock(deviceId.slice(0, 8)),
    };
  });
  const pushes = devices.map((device) =>
    preparePush(
      device,
      PushRequest.parse({ epoch: device.epoch, mutations: madeUpMutations(device, mutationsPerPush) }),
    ),
  );
  const outcomes = await db.run('warmUpGroup', {
    siteId,
    deviceIds: devices.map((device) => device.deviceId),
    pushes,
  });
  let applied = 0;
  for (const outcome of outcomes) {
    if ('refused' in outcome) throw new Error(`warm-up push refused: ${outcome.refused.message}`);
    applied += outcome.response.applied;
  }
  return applied;
}

interface MadeUpSeat {
  deviceId: string;
  siteId: string;
  epoch: string;
  clock: HybridClock;
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
