import type { Mutation, PushRequest, PushResponse } from '@shared/sync/protocol';
import type { DeviceIdentity } from '../auth';
import type { Database, Queryable } from '../db/database';
import { ApiHttpError, invalidRequest, unauthorized } from '../errors';
import { badString, rejectionReason } from './entities';

export interface ApplyHooks {
  /** Test-only fault injection: runs inside the push transaction after every write, just before COMMIT. */
  beforeCommit?: () => Promise<void>;
}

interface Rejected {
  mutation: Mutation;
  error: string;
}

/**
 * Envelope checks that zod's schema cannot express: a batch is one contiguous run of seqs, and the envelope
 * strings must be storable as PostgreSQL text. Failing either refuses the whole request (400): nothing applied.
 */
export function checkEnvelope(request: PushRequest): void {
  const stringProblem = badString(request.epoch);
  if (stringProblem) throw invalidRequest(`epoch ${stringProblem}`);
  const first = request.mutations[0]?.seq ?? 0;
  request.mutations.forEach((mutation, index) => {
    if (mutation.seq !== first + index) {
      throw invalidRequest(
        `mutations[${index}].seq must be ${first + index}: a batch is one contiguous, ascending run`,
      );
    }
    for (const field of ['id', 'entityId', 'hlc'] as const) {
      const problem = badString(mutation[field]);
      if (problem) throw invalidRequest(`mutations[${index}].${field} ${problem}`);
    }
  });
}

/** A push that passed the envelope checks, with each mutation's validation verdict (null = may be applied). */
export interface PreparedPush {
  device: DeviceIdentity;
  request: PushRequest;
  verdicts: Map<number, string | null>;
  /**
   * Each valid mutation as the JSON of its row for writeBatches, without the leading `{`: `"e":entity,"i":entityId,
   * "k":op,"d":data,"h":hlc,"m":id}`. Short keys and no per-row site or device (they are per push): every byte of
   * it is joined, copied to the database (PGlite: to its thread) and parsed there again.
   */
  rows: Map<number, string>;
}

/**
 * Envelope checks, entity validation and the JSON of the rows to write: the CPU work of a push, done before it
 * queues for a transaction, so that none of it runs while a transaction holds locks (or PGlite's one connection).
 */
export function preparePush(device: DeviceIdentity, request: PushRequest): PreparedPush {
  checkEnvelope(request);
  const now = Date.now();
  const verdicts = new Map<number, string | null>();
  const rows = new Map<number, string>();
  for (const m of request.mutations) {
    const verdict = rejectionReason(m, now);
    verdicts.set(m.seq, verdict);
    if (verdict === null) rows.set(m.seq, JSON.stringify(rowOf(m)).slice(1));
  }
  return { device, request, verdicts, rows };
}

/** What one push of a group came to: its answer, or the error to answer with (401, 409). */
export type PushOutcome = { response: PushResponse } | { error: unknown };

/** Applies one push in its own transaction. */
export async function applyPush(
  db: Database,
  device: DeviceIdentity,
  request: PushRequest,
  hooks: ApplyHooks = {},
): Promise<PushResponse> {
  const [outcome] = await applyPushes(db, [preparePush(device, request)], hooks);
  if (!outcome || 'error' in outcome) throw outcome?.error;
  return outcome.response;
}

/** A push past its ackedSeq check, on its way into the write statement. */
interface Admitted {
  push: PreparedPush;
  ackedSeq: number;
  accepted: Mutation[];
  rejected: Rejected[];
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
  return db.transaction((tx) => applyPushesIn(tx, pushes, hooks));
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
    const { device, request } = push;
    const ackedSeq = acked.get(epochKey(device.deviceId, request.epoch));
    if (ackedSeq === undefined) {
      outcomes.push({ error: unauthorized() });
      continue;
    }
    const first = request.mutations[0];
    if (first && first.seq > ackedSeq + 1) {
      const message = `expected seq ${ackedSeq + 1}, got ${first.seq}`;
      outcomes.push({ error: new ApiHttpError(409, 'seq_gap', message, ackedSeq) });
      continue;
    }
    const fresh = request.mutations.filter((m) => m.seq > ackedSeq);
    const duplicates = request.mutations.length - fresh.length;
    // A replay answers as the first push did: the rejections of the duplicate part are looked up again.
    const earlier =
      first && duplicates > 0 ? await earlierRejections(tx, device, request.epoch, first.seq, ackedSeq) : [];
    const accepted: Mutation[] = [];
    const rejected: Rejected[] = [];
    for (const mutation of fresh) {
      const error = push.verdicts.get(mutation.seq);
      if (error) rejected.push({ mutation, error });
      else accepted.push(mutation);
    }
    const last = fresh.at(-1);
    if (last) admitted.push({ push, ackedSeq: last.seq, accepted, rejected });
    outcomes.push({
      response: {
        ackedSeq: last?.seq ?? ackedSeq,
        applied: accepted.length,
        duplicates,
        rejected: [...earlier, ...rejected.map((r) => ({ id: r.mutation.id, error: r.error }))],
      },
    });
  }
  if (admitted.length > 0) await writeBatches(tx, admitted);
  await hooks.beforeCommit?.();
  return outcomes;
}

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
  const wanted = pushes.map((p) => ({ device_id: p.device.deviceId, epoch: p.request.epoch }));
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
 * Records: only the greatest HLC per record can matter, so it alone is sent (one row per key also keeps ON CONFLICT
 * DO UPDATE legal), in key order so that two transactions touching the same records lock them in the same order (no
 * deadlock). Only writes that won enter the pull log: one that lost to a newer one changes nothing.
 * Events: a re-sent event is not a second event, and the same id twice is one event, logged once.
 * `ord` numbers the group's mutations in push order, then seq order: the order of the changes within the transaction.
 * Data is written once, into the pull log: a record or event keeps a pointer to its log row, (pg_current_xact_id(),
 * ord) — the same transaction id the log row takes as its default — and the views current_records and event_log
 * join the two (migration 4). A record's pointer moves only with a win, in the same UPDATE as its HLC.
 */
async function writeBatches(tx: Queryable, admitted: readonly Admitted[]): Promise<void> {
  const records = new Map<string, { hlc: string; json: string }>();
  const events = new Map<string, string>();
  const quarantined: ReturnType<typeof quarantineRow>[] = [];
  const pushes: { p: number; site_id: string; device_id: string; epoch: string; acked_seq: number }[] = [];
  let ord = 0;
  admitted.forEach(({ push, ackedSeq, accepted, rejected }, p) => {
    const { device, request } = push;
    pushes.push({
      p,
      site_id: device.siteId,
      device_id: device.deviceId,
      epoch: request.epoch,
      acked_seq: ackedSeq,
    });
    for (const m of accepted) {
      const json = `{"o":${++ord},"p":${p},${push.rows.get(m.seq) ?? ''}`;
      if (m.op === 'append') {
        if (!events.has(m.id)) events.set(m.id, json);
        continue;
      }
      const key = `${m.entity}\u0000${m.entityId}`;
      const seen = records.get(key);
      if (!seen || seen.hlc < m.hlc) records.set(key, { hlc: m.hlc, json });
    }
    for (const r of rejected) quarantined.push(quarantineRow(push, r));
  });

  // `push_in` gives each row its push's site and device (p = the push's index in the group) and the new ackedSeqs.
  await tx.query(
    `WITH push_in AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(p int, site_id text, device_id text, epoch text, acked_seq bigint)
     ), rec_in AS (
       SELECT x.o AS ord, p.site_id, p.device_id, x.e AS entity, x.i AS entity_id, x.k AS op, x.d AS data,
              x.h AS hlc, x.m AS mutation_id
       FROM jsonb_to_recordset($2::jsonb) AS x(o bigint, p int, e text, i text, k text, d jsonb, h text, m text)
       JOIN push_in p USING (p)
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
       SELECT x.o AS ord, p.site_id, p.device_id, x.e AS entity, x.i AS entity_id, x.d AS data, x.h AS hlc,
              x.m AS mutation_id
       FROM jsonb_to_recordset($3::jsonb) AS x(o bigint, p int, e text, i text, d jsonb, h text, m text)
       JOIN push_in p USING (p)
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
       FROM jsonb_to_recordset($4::jsonb) AS q(
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
    [
      JSON.stringify(pushes),
      `[${[...records.values()].map((r) => r.json).join(',')}]`,
      `[${[...events.values()].join(',')}]`,
      JSON.stringify(quarantined),
    ],
  );
}

/** A mutation's part of its record or event and its pull log row (see PreparedPush.rows); a delete has no data. */
function rowOf(m: Mutation) {
  return { e: m.entity, i: m.entityId, k: m.op, d: m.op === 'delete' ? null : m.data, h: m.hlc, m: m.id };
}

function quarantineRow({ device, request }: PreparedPush, { mutation: m, error }: Rejected) {
  return {
    site_id: device.siteId,
    device_id: device.deviceId,
    epoch: request.epoch,
    seq: m.seq,
    mutation_id: m.id,
    entity: m.entity,
    entity_id: m.entityId,
    op: m.op,
    hlc: m.hlc,
    // JSON.stringify escapes NUL and lone surrogates, so this text is always storable.
    data_json: JSON.stringify(m.data) ?? 'null',
    error,
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
