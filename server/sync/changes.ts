import type { Change, MutationOp } from '@shared/sync/protocol';
import type { Queryable } from '../db/database';

/** One accepted change on its way into the pull log; `seq` only orders it within its batch. */
export interface ChangeRow extends Change {
  seq: number;
}

/**
 * Appends to the site's pull log. The commit numbers come from the site row, bumped as the LAST statement of
 * the transaction: the row lock is then held only until COMMIT, and a second writer of the same site waits for
 * it, so commit numbers become visible in order. A puller that has seen N can never later find a smaller
 * number appear (which a plain sequence would allow, since transactions commit in any order).
 */
export async function appendChanges(
  tx: Queryable,
  siteId: string,
  changes: readonly ChangeRow[],
): Promise<void> {
  if (changes.length === 0) return;
  const rows = changes.map((change, index) => ({
    ord: index + 1,
    entity: change.entity,
    entity_id: change.entityId,
    op: change.op,
    data: change.data ?? null,
    hlc: change.hlc,
    device_id: change.deviceId,
  }));
  await tx.query(
    `WITH counter AS (
       UPDATE sites SET last_commit_seq = last_commit_seq + $2 WHERE id = $1 RETURNING last_commit_seq - $2 AS base
     )
     INSERT INTO changes (site_id, commit_seq, entity, entity_id, op, data, hlc, device_id)
     SELECT $1, counter.base + x.ord, x.entity, x.entity_id, x.op, x.data, x.hlc, x.device_id
     FROM counter, jsonb_to_recordset($3::jsonb)
       AS x(ord bigint, entity text, entity_id text, op text, data jsonb, hlc text, device_id text)`,
    [siteId, changes.length, JSON.stringify(rows)],
  );
}

export interface PullPage {
  changes: Change[];
  cursor: string;
  hasMore: boolean;
}

/** The cursor is the last commit number seen, as text; empty means from the beginning. */
export async function pullChanges(
  db: Queryable,
  siteId: string,
  cursor: number,
  limit: number,
): Promise<PullPage> {
  const rows = await db.query<{
    commit_seq: number;
    entity: string;
    entity_id: string;
    op: MutationOp;
    data: unknown;
    hlc: string;
    device_id: string;
  }>(
    `SELECT commit_seq, entity, entity_id, op, data, hlc, device_id FROM changes
     WHERE site_id = $1 AND commit_seq > $2 ORDER BY commit_seq LIMIT $3`,
    [siteId, cursor, limit + 1],
  );
  const page = rows.slice(0, limit);
  return {
    changes: page.map((row) => ({
      entity: row.entity,
      entityId: row.entity_id,
      op: row.op,
      data: row.data,
      hlc: row.hlc,
      deviceId: row.device_id,
    })),
    cursor: String(page.at(-1)?.commit_seq ?? cursor),
    hasMore: rows.length > limit,
  };
}
