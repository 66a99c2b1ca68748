import { SITE_CONFIG_ENTITY } from '@shared/sync/protocol';
import type { Database } from '../db/database';

/** Log rows examined per transaction: each step is short, so pushes and pulls are not held up behind compaction. */
const CHUNK = 5_000;

/**
 * Compacts the pull log: deletes the changes of records (and site configs) that a newer write has superseded, once
 * they are older than the retention window. Safe for every puller whatever its cursor: the newest change of each
 * record stays in the log, so a seat that has not pulled it yet will, and folding by HLC (last writer wins) ends in
 * the same state with or without the superseded ones; a seat that already pulled them loses nothing. Events (the
 * incident log) are never compacted: each is content, not a version. Nothing here depends on seat cursors, which
 * the server does not keep (a new seat pulls from the start and needs every live record).
 * The change a record points at holds that record's current data (migration 4): it has the record's HLC, so
 * `r.hlc > c.hlc` already spares it, and the pointer test says so outright, whatever an HLC column might hold.
 * Walks the log in primary-key order, one chunk per statement. Returns how many changes it deleted.
 */
export async function compactLog(db: Database, olderThanDays: number): Promise<number> {
  let deleted = 0;
  let after = { site_id: '', xid: '0', ord: -1 };
  for (;;) {
    const rows = await db.query<{
      n: number;
      site_id: string | null;
      xid: string | null;
      ord: number | null;
    }>(
      `WITH chunk AS (
         SELECT site_id, xid, ord, entity, entity_id, op, hlc, created_at FROM changes
         WHERE (site_id, xid, ord) > ($1, $2::xid8, $3::bigint)
         ORDER BY site_id, xid, ord LIMIT $4
       ), doomed AS (
         SELECT c.site_id, c.xid, c.ord FROM chunk c
         WHERE c.created_at < now() - make_interval(days => $5)
           AND c.op <> 'append'
           AND (EXISTS (SELECT 1 FROM records r
                        WHERE r.site_id = c.site_id AND r.entity = c.entity AND r.entity_id = c.entity_id
                          AND r.hlc > c.hlc AND (r.xid, r.ord) IS DISTINCT FROM (c.xid, c.ord))
             OR EXISTS (SELECT 1 FROM site_config s
                        WHERE c.entity = $6 AND s.site_id = c.site_id AND s.kind = c.entity_id AND s.hlc > c.hlc))
       ), gone AS (
         DELETE FROM changes c USING doomed d
         WHERE c.site_id = d.site_id AND c.xid = d.xid AND c.ord = d.ord
         RETURNING 1
       ), last AS (
         SELECT site_id, xid::text AS xid, ord FROM chunk ORDER BY site_id DESC, xid DESC, ord DESC LIMIT 1
       )
       SELECT (SELECT count(*)::int FROM gone) AS n, last.site_id, last.xid, last.ord
       FROM (SELECT 1) AS one LEFT JOIN last ON true`,
      [after.site_id, after.xid, after.ord, CHUNK, olderThanDays, SITE_CONFIG_ENTITY],
    );
    const row = rows[0];
    deleted += row?.n ?? 0;
    if (!row?.site_id || row.xid === null || row.ord === null) return deleted;
    after = { site_id: row.site_id, xid: row.xid, ord: row.ord };
  }
}
