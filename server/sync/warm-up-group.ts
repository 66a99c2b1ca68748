import type { Queryable } from '../db/database';
import { applyPushesIn, type PushOutcome } from './apply';
import type { PreparedPush } from './prepare';

/** A warm-up group: a made-up site, its made-up devices and one prepared push from each. */
export interface WarmUpGroup {
  siteId: string;
  deviceIds: string[];
  pushes: PreparedPush[];
}

/**
 * The made-up site and devices, then their pushes through `applyPushesIn`, in the transaction a real group would
 * have (db/procedures.ts: on PGlite's thread), which is then rolled back (see warm-up.ts).
 */
export async function warmUpGroupIn(tx: Queryable, group: WarmUpGroup): Promise<PushOutcome[]> {
  await tx.query('INSERT INTO sites (id, code, name, enrollment_key_hash) VALUES ($1, $1, $2, $3)', [
    group.siteId,
    'warm-up',
    'not a key',
  ]);
  await tx.query(
    `INSERT INTO devices (id, site_id, name, token_hash)
     SELECT id, $1, 'warm-up', 'warm-up:' || id FROM unnest($2::text[]) AS id`,
    [group.siteId, group.deviceIds],
  );
  return applyPushesIn(tx, group.pushes);
}
