import type { PushResponse } from '@shared/sync/protocol';
import type { DeviceIdentity } from '../auth';
import type { Database, Queryable } from '../db/database';
import { TextPieces, utf8 } from '../db/text-pieces';
import type { PreparedPush, RejectedMutation } from './prepare';

/**
 * The push transaction. It runs where the database is: on PGlite's thread for the embedded database (see
 * db/procedures.ts), in this process for PostgreSQL. So it imports no runtime code of the HTTP side, and what it
 * returns is plain data.
 */

export interface ApplyHooks {
  /** Test-only fault injection: runs inside the push transaction after every write, just before COMMIT. */
  beforeCommit?: () => Promise<void>;
}

/** Why a push of a group was refused by its own state: its device is unknown or revoked (401), or a seq gap (409). */
export type PushRefusal =
  | { statusCode: 401; code: 'unauthorized'; message: string }
  | { statusCode: 409; code: 'seq_gap'; message: string; ackedSeq: number };

/** What one push of a group came to: its answer, or its refusal. */
export type PushOutcome = { response: PushResponse } | { refused: PushRefusal };

/** A push past its ackedSeq check, on its way into the write statement. */
interface Admitted {
  push: PreparedPush;
  /** The ackedSeq before this push: its rows up to here are replays, not written again. */
  after: number;
  ackedSeq: number;
  rejected: RejectedMutation[];
}

/**
 * Applies a group of pushes (at most one per device and epoch) in ONE transaction: every device check, write,
 * quarantine and new ackedSeq of the group commits together or not at all, so a crash leaves each batch either
 * wholly applied or wholly absent, and a replay is recognised by seq and acknowledged without being applied again.
 * A push refused by its own state (revoked device: 401, seq gap: 409) gets its error and writes nothing; the others
 * go on. The transaction is a fixed number of statements whatever the group size: lock + ackedSeq for all, then
 * every write for all. Groups form only while the database is busy (see push-queue.ts): one push alone is a group
 * of one.
 */
export async function applyPushes(
  db: Database,
  pushes: readonly PreparedPush[],
  hooks: ApplyHooks = {},
): Promise<PushOutcome[]> {
  return db.run('applyPushes', pushes, hooks);
}

/** applyPushes inside a transaction the caller owns (and commits or rolls back). */
export async function applyPushesIn(
  tx: Queryable,
  pushes: readonly PreparedPush[],
  hooks: ApplyHooks = {},
): Promise<PushOutcome[]> {
  const acked = await lockEpochs(tx, pushes);
  const outcomes: PushOutcome[] = [];
  const admitted: Admitted[] = [];
  for (const push of pushes) {
    const ackedSeq = acked.get(epochKey(push.device.deviceId, push.epoch));
    if (ackedSeq === undefined) {
      outcomes.push({ refused: { statusCode: 401, code: 'unauthorized', message: UNKNOWN_DEVICE } });
      continue;
    }
    if (push.count > 0 && push.firstSeq > ackedSeq + 1) {
      const message = `expected seq ${ackedSeq + 1}, got ${push.firstSeq}`;
      outcomes.push({ refused: { statusCode: 409, code: 'seq_gap', message, ackedSeq } });
      continue;
    }
    const lastSeq = push.firstSeq + push.count - 1;
    const fresh = push.count > 0 ? Math.min(push.count, Math.max(0, lastSeq - ackedSeq)) : 0;
    const duplicates = push.count - fresh;
    // A replay answers as the first push did: the rejections of the duplicate part are looked up again.
    const earlier =
      duplicates > 0 ? await earlierRejections(tx, push.device, push.epoch, push.firstSeq, ackedSeq) : [];
    const rejected = push.rejected.filter((r) => r.seq > ackedSeq);
    if (fresh > 0) admitted.push({ push, after: ackedSeq, ackedSeq: lastSeq, rejected });
    outcomes.push({
      response: {
        ackedSeq: fresh > 0 ? lastSeq : ackedSeq,
        applied: fresh - rejected.length,
        duplicates,
        rejected: [...earlier, ...rejected.map((r) => ({ id: r.id, error: r.error }))],
      },
    });
  }
  if (admitted.length > 0) await writeBatches(tx, admitted);
  await hooks.beforeCommit?.();
  return outcomes;
}

/** As errors.ts's `unauthorized()`: a revoked device is told no more than an unknown one. */
const UNKNOWN_DEVICE = 'missing, unknown or revoked token';

const epochKey = (deviceId: string, epoch: string) => `${deviceId}\u0000${epoch}`;

/**
 * Locks the devices' rows (which serialises each device's concurrent pushes and makes an admin's revoke wait for
 * them), creates epochs on first use and returns their ackedSeq — in one statement, rows taken in id order so two
 * groups never wait on each other in a cycle. Both reads see the latest committed versions even after waiting for
 * a lock: a locking clause re-reads the row it waited for, and ON CONFLICT DO UPDATE always works on the newest
 * version of the epoch row, so a push never acts on a stale ackedSeq. A device missing from the answer is unknown
 * or was revoked, possibly while this request waited: 401.
 */
async function lockEpochs(tx: Queryable, pushes: readonly PreparedPush[]): Promise<Map<string, number>> {
  const wanted = pushes.map((p) => ({ device_id: p.device.deviceId, epoch: p.epoch }));
  const rows = await tx.query<{ device_id: string; epoch: string; acked_seq: number }>(
    `WITH wanted AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(device_id text, epoch text)
     ), device AS (
       SELECT id FROM devices WHERE id IN (SELECT device_id FROM wanted) AND revoked_at IS NULL
       ORDER BY id FOR NO KEY UPDATE
     )
     INSERT INTO device_epochs AS e (device_id, epoch)
     SELECT w.device_id, w.epoch FROM wanted w JOIN device d ON d.id = w.device_id ORDER BY 1, 2
     ON CONFLICT (device_id, epoch) DO UPDATE SET updated_at = now()
     RETURNING e.device_id, e.epoch, e.acked_seq`,
    [JSON.stringify(wanted)],
  );
  return new Map(rows.map((row) => [epochKey(row.device_id, row.epoch), row.acked_seq]));
}

/**
 * Every write of the admitted batches, as one statement: record upserts (last writer wins by HLC), event appends
 * (deduplicated by mutation id), the pull log entries of exactly those rows that changed, the quarantine and the new
 * ackedSeqs. Data-modifying CTEs all run, whether or not the final SELECT reads them.
 *
 * The rows arrive as each push's JSON array (PreparedPush.rows) inside one outer array, joined here as they are:
 * this thread does no work per mutation. `p` is a push's place in that outer array; `push_in` gives each push its
 * site, device, the ackedSeq it had (`after`: rows up to there are replays and skipped) and its new one. `ord`
 * numbers the group's mutations in push order, then seq order (`base` = rows of the pushes before it): the order of
 * the changes within the transaction.
 * Records: only the greatest HLC per record can matter (the first of equals), so it alone is written (one row per
 * key also keeps ON CONFLICT DO UPDATE legal), in key order so that two transactions touching the same records lock
 * them in the same order (no deadlock). HLCs compare byte-wise (COLLATE "C", as their columns). Only writes that won
 * enter the pull log: one that lost to a newer one changes nothing.
 * Events: a re-sent event is not a second event, and the same id twice is one event (the first), logged once.
 * Data is written once, into the pull log: a record or event keeps a pointer to its log row, (pg_current_xact_id(),
 * ord) — the same transaction id the log row takes as its default — and the views current_records and event_log
 * join the two (migration 4). A record's pointer moves only with a win, in the same UPDATE as its HLC.
 */
async function writeBatches(tx: Queryable, admitted: readonly Admitted[]): Promise<void> {
  let base = 0;
  const pushes = admitted.map(({ push, after, ackedSeq }, index) => {
    const row = {
      p: index + 1,
      site_id: push.device.siteId,
      device_id: push.device.deviceId,
      epoch: push.epoch,
      after,
      acked_seq: ackedSeq,
      base,
    };
    base += push.rowCount;
    return row;
  });
  const quarantined = admitted.flatMap(({ push, rejected }) => rejected.map((r) => quarantineRow(push, r)));

  await tx.query(
    `WITH push_in AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb)
         AS x(p bigint, site_id text, device_id text, epoch text, after bigint, acked_seq bigint, base bigint)
     ), row_in AS (
       SELECT p.base + x.n AS ord, p.site_id, p.device_id, x.e AS entity, x.i AS entity_id, x.k AS op, x.d AS data,
              x.h AS hlc, x.m AS mutation_id
       FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS b(rows, p)
       JOIN push_in p USING (p)
       CROSS JOIN LATERAL ROWS FROM (
         jsonb_to_recordset(b.rows) AS (s bigint, e text, i text, k text, d jsonb, h text, m text)
       ) WITH ORDINALITY AS x(s, e, i, k, d, h, m, n)
       WHERE x.s > p.after
     ), rec_in AS (
       SELECT DISTINCT ON (site_id, entity, entity_id) * FROM row_in WHERE op <> 'append'
       ORDER BY site_id, entity, entity_id, hlc COLLATE "C" DESC, ord
     ), rec AS (
       INSERT INTO records (site_id, entity, entity_id, deleted, hlc, device_id, mutation_id, xid, ord)
       SELECT site_id, entity, entity_id, op = 'delete', hlc, device_id, mutation_id, pg_current_xact_id(), ord
       FROM rec_in
       ORDER BY site_id, entity, entity_id
       ON CONFLICT (site_id, entity, entity_id) DO UPDATE
         SET deleted = EXCLUDED.deleted, hlc = EXCLUDED.hlc, device_id = EXCLUDED.device_id,
             mutation_id = EXCLUDED.mutation_id, xid = EXCLUDED.xid, ord = EXCLUDED.ord, legacy_data = NULL
         WHERE records.hlc < EXCLUDED.hlc
       RETURNING site_id, entity, entity_id
     ), ev_in AS (
       SELECT DISTINCT ON (site_id, mutation_id) * FROM row_in WHERE op = 'append'
       ORDER BY site_id, mutation_id, ord
     ), ev AS (
       INSERT INTO events (site_id, mutation_id, entity, entity_id, hlc, device_id, xid, ord)
       SELECT site_id, mutation_id, entity, entity_id, hlc, device_id, pg_current_xact_id(), ord
       FROM ev_in ORDER BY site_id, mutation_id
       ON CONFLICT (site_id, mutation_id) DO NOTHING
       RETURNING site_id, mutation_id
     ), logged AS (
       INSERT INTO changes (site_id, ord, entity, entity_id, op, data, hlc, device_id)
       SELECT r.site_id, r.ord, r.entity, r.entity_id, r.op, r.data, r.hlc, r.device_id
         FROM rec_in r JOIN rec USING (site_id, entity, entity_id)
       UNION ALL
       SELECT e.site_id, e.ord, e.entity, e.entity_id, 'append', e.data, e.hlc, e.device_id
         FROM ev_in e JOIN ev USING (site_id, mutation_id)
       RETURNING 1
     ), kept AS (
       INSERT INTO quarantine (site_id, device_id, epoch, seq, mutation_id, entity, entity_id, op, hlc, data_json, error)
       SELECT site_id, device_id, epoch, seq, mutation_id, entity, entity_id, op, hlc, data_json, error
       FROM jsonb_to_recordset($3::jsonb) AS q(
         site_id text, device_id text, epoch text, seq bigint, mutation_id text, entity text, entity_id text, op text,
         hlc text, data_json text, error text)
       ON CONFLICT (device_id, epoch, seq) DO NOTHING
       RETURNING 1
     ), acked AS (
       UPDATE device_epochs e SET acked_seq = a.acked_seq, updated_at = now()
       FROM push_in a
       WHERE e.device_id = a.device_id AND e.epoch = a.epoch
       RETURNING 1
     )
     SELECT (SELECT count(*) FROM logged) AS logged`,
    [JSON.stringify(pushes), jsonArrayOf(admitted.map(({ push }) => push.rows)), JSON.stringify(quarantined)],
  );
}

const [OPEN, COMMA, CLOSE] = ['[', ',', ']'].map(utf8) as [Uint8Array, Uint8Array, Uint8Array];

/** `[a,b,…]` of JSON texts given in UTF-8, as one parameter. */
function jsonArrayOf(items: readonly Uint8Array[]): TextPieces {
  return new TextPieces([OPEN, ...items.flatMap((item, i) => (i === 0 ? [item] : [COMMA, item])), CLOSE]);
}

function quarantineRow({ device, epoch }: PreparedPush, r: RejectedMutation) {
  return {
    site_id: device.siteId,
    device_id: device.deviceId,
    epoch,
    seq: r.seq,
    mutation_id: r.id,
    entity: r.entity,
    entity_id: r.entityId,
    op: r.op,
    hlc: r.hlc,
    data_json: r.dataJson,
    error: r.error,
  };
}

async function earlierRejections(
  tx: Queryable,
  device: DeviceIdentity,
  epoch: string,
  from: number,
  to: number,
): Promise<{ id: string; error: string }[]> {
  return tx.query<{ id: string; error: string }>(
    `SELECT mutation_id AS id, error FROM quarantine
     WHERE device_id = $1 AND epoch = $2 AND seq BETWEEN $3 AND $4 ORDER BY seq`,
    [device.deviceId, epoch, from, to],
  );
}
