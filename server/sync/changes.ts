import type { Change, MutationOp } from '@shared/sync/protocol';
import type { Queryable } from '../db/database';

/**
 * The pull log. A change's position is (xid, ord): the id of the transaction that wrote it (`pg_current_xact_id()`,
 * the column default) and its order within that transaction. Writers take no shared lock, so pushes of one site
 * commit in parallel; a pull returns only changes whose transaction is older than every transaction still in flight
 * (`pg_snapshot_xmin`), so a change that commits later always has a greater position than anything already pulled.
 * Rows carried over from the per-site counter (migration 2) have xid 0 and ord = their old commit number.
 */

/** One accepted change on its way into the pull log; `seq` orders it within its transaction. */
export interface ChangeRow extends Change {
  seq: number;
}

/** Appends changes written by the server itself (site config); pushes write theirs inside their own statement. */
export async function appendChanges(
  tx: Queryable,
  siteId: string,
  changes: readonly ChangeRow[],
): Promise<void> {
  if (changes.length === 0) return;
  const rows = changes.map((change) => ({
    ord: change.seq,
    entity: change.entity,
    entity_id: change.entityId,
    op: change.op,
    data: change.data ?? null,
    hlc: change.hlc,
    device_id: change.deviceId,
  }));
  await tx.query(
    `INSERT INTO changes (site_id, ord, entity, entity_id, op, data, hlc, device_id)
     SELECT $1, x.ord, x.entity, x.entity_id, x.op, x.data, x.hlc, x.device_id
     FROM jsonb_to_recordset($2::jsonb)
       AS x(ord bigint, entity text, entity_id text, op text, data jsonb, hlc text, device_id text)`,
    [siteId, JSON.stringify(rows)],
  );
}

/** A position in the pull log. xid stays text: xid8 is 64-bit. */
export interface LogPosition {
  xid: string;
  ord: number;
}

export const LOG_START: LogPosition = { xid: '0', ord: 0 };

/**
 * Cursor text: `<xid>.<ord>`. Opaque to seats, which keep it in at most 32 characters (the IPC contract). A bare
 * number is a cursor handed out before migration 2 (the old per-site commit number): those rows now sit at xid 0
 * with ord = that number, so it means exactly what it meant.
 */
export const CURSOR_PATTERN = /^(?:\d{1,15}|\d{1,20}\.\d{1,11})?$/;

export function parseCursor(cursor: string | undefined): LogPosition {
  if (!cursor) return LOG_START;
  const [xid, ord] = cursor.includes('.') ? cursor.split('.') : ['0', cursor];
  return { xid: String(BigInt(xid ?? '0')), ord: Number(ord) };
}

export function formatCursor(position: LogPosition): string {
  return position.xid === '0' && position.ord === 0 ? '' : `${position.xid}.${position.ord}`;
}

export interface PullPage {
  changes: Change[];
  cursor: string;
  hasMore: boolean;
}

/**
 * The page after `from`, in position order. `xid < pg_snapshot_xmin(…)` is the visibility watermark: every
 * transaction below it has finished, so all of its rows are visible in this statement's snapshot, and any transaction
 * that commits later has an xid at or above it — beyond the cursor this page returns. A long-running write
 * transaction elsewhere on the cluster only delays pulls; it never makes one skip a change.
 */
export async function pullChanges(
  db: Queryable,
  siteId: string,
  from: LogPosition,
  limit: number,
): Promise<PullPage> {
  const rows = await db.query<{
    xid: string;
    ord: number;
    entity: string;
    entity_id: string;
    op: MutationOp;
    data: unknown;
    hlc: string;
    device_id: string;
  }>(
    `SELECT xid::text AS xid, ord, entity, entity_id, op, data, hlc, device_id FROM changes
     WHERE site_id = $1 AND (xid, ord) > ($2::xid8, $3::bigint)
       AND xid < (SELECT pg_snapshot_xmin(pg_current_snapshot()))
     ORDER BY xid, ord LIMIT $4`,
    [siteId, from.xid, from.ord, limit + 1],
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    changes: page.map((row) => ({
      entity: row.entity,
      entityId: row.entity_id,
      op: row.op,
      data: row.data,
      hlc: row.hlc,
      deviceId: row.device_id,
    })),
    cursor: formatCursor(last ? { xid: last.xid, ord: last.ord } : from),
    hasMore: rows.length > limit,
  };
}
