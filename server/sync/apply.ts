import type { Mutation, PushRequest, PushResponse } from '@shared/sync/protocol';
import type { DeviceIdentity } from '../auth';
import type { Database, Queryable } from '../db/database';
import { ApiHttpError, invalidRequest, unauthorized } from '../errors';
import { badString, rejectionReason } from './entities';
import { appendChanges, type ChangeRow } from './changes';

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

/**
 * Applies one push. Everything — the device check, the writes, the quarantine and the new ackedSeq — happens in
 * ONE transaction, serialised per device by locking its row: a crash anywhere leaves either the whole batch or
 * none of it, and a replay of the same batch is recognised by seq and acknowledged without being applied again.
 */
export async function applyPush(
  db: Database,
  device: DeviceIdentity,
  request: PushRequest,
  hooks: ApplyHooks = {},
): Promise<PushResponse> {
  checkEnvelope(request);
  const now = Date.now();
  const verdicts = new Map(request.mutations.map((m) => [m.seq, rejectionReason(m, now)] as const));

  return db.transaction(async (tx) => {
    const revoked = await tx.query<{ revoked: boolean }>(
      'SELECT revoked_at IS NOT NULL AS revoked FROM devices WHERE id = $1 FOR UPDATE',
      [device.deviceId],
    );
    // Re-checked under the lock: a token revoked while this request waited must not get its batch in.
    if (!revoked[0] || revoked[0].revoked) throw unauthorized();

    await tx.query('INSERT INTO device_epochs (device_id, epoch) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
      device.deviceId,
      request.epoch,
    ]);
    const epochRow = await tx.query<{ acked_seq: number }>(
      'SELECT acked_seq FROM device_epochs WHERE device_id = $1 AND epoch = $2 FOR UPDATE',
      [device.deviceId, request.epoch],
    );
    const ackedSeq = epochRow[0]?.acked_seq ?? 0;
    const first = request.mutations[0];
    if (!first) return { ackedSeq, applied: 0, duplicates: 0, rejected: [] };
    if (first.seq > ackedSeq + 1) {
      throw new ApiHttpError(409, 'seq_gap', `expected seq ${ackedSeq + 1}, got ${first.seq}`, ackedSeq);
    }

    const fresh = request.mutations.filter((m) => m.seq > ackedSeq);
    const duplicates = request.mutations.length - fresh.length;
    // A replay answers as the first push did: the rejections of the duplicate part are looked up again.
    const earlier =
      duplicates > 0 ? await earlierRejections(tx, device, request.epoch, first.seq, ackedSeq) : [];
    const last = fresh.at(-1);
    if (!last) return { ackedSeq, applied: 0, duplicates, rejected: earlier };

    const accepted: Mutation[] = [];
    const rejected: Rejected[] = [];
    for (const mutation of fresh) {
      const error = verdicts.get(mutation.seq);
      if (error) rejected.push({ mutation, error });
      else accepted.push(mutation);
    }

    const changes = [
      ...(await applyRecords(tx, device, accepted)),
      ...(await applyEvents(tx, device, accepted)),
    ].sort((a, b) => a.seq - b.seq);
    await appendChanges(tx, device.siteId, changes);
    await quarantine(tx, device, request.epoch, rejected);
    await tx.query(
      'UPDATE device_epochs SET acked_seq = $3, updated_at = now() WHERE device_id = $1 AND epoch = $2',
      [device.deviceId, request.epoch, last.seq],
    );
    await hooks.beforeCommit?.();

    return {
      ackedSeq: last.seq,
      applied: accepted.length,
      duplicates,
      rejected: [...earlier, ...rejected.map((r) => ({ id: r.mutation.id, error: r.error }))],
    };
  });
}

/**
 * Upserts and deletes: last writer wins by HLC per (site, entity, entityId). Within the batch only the greatest
 * HLC per record can matter, so it alone is sent (one row per key also keeps ON CONFLICT DO UPDATE legal). Rows go
 * in key order so that two transactions touching the same records lock them in the same order (no deadlock).
 */
async function applyRecords(
  tx: Queryable,
  device: DeviceIdentity,
  accepted: Mutation[],
): Promise<ChangeRow[]> {
  const latest = new Map<string, Mutation>();
  for (const m of accepted) {
    if (m.op === 'append') continue;
    const key = `${m.entity}\u0000${m.entityId}`;
    const seen = latest.get(key);
    if (!seen || seen.hlc < m.hlc) latest.set(key, m);
  }
  if (latest.size === 0) return [];
  const rows = [...latest.values()].map((m) => ({
    entity: m.entity,
    entity_id: m.entityId,
    data: m.op === 'delete' ? null : m.data,
    deleted: m.op === 'delete',
    hlc: m.hlc,
    mutation_id: m.id,
  }));
  const won = await tx.query<{ mutation_id: string }>(
    `INSERT INTO records (site_id, entity, entity_id, data, deleted, hlc, device_id, mutation_id)
     SELECT $1, x.entity, x.entity_id, x.data, x.deleted, x.hlc, $2, x.mutation_id
     FROM jsonb_to_recordset($3::jsonb) AS x(entity text, entity_id text, data jsonb, deleted boolean, hlc text, mutation_id text)
     ORDER BY x.entity, x.entity_id
     ON CONFLICT (site_id, entity, entity_id) DO UPDATE
       SET data = EXCLUDED.data, deleted = EXCLUDED.deleted, hlc = EXCLUDED.hlc,
           device_id = EXCLUDED.device_id, mutation_id = EXCLUDED.mutation_id
       WHERE records.hlc < EXCLUDED.hlc
     RETURNING mutation_id`,
    [device.siteId, device.deviceId, JSON.stringify(rows)],
  );
  // Only winners enter the pull log: a write that lost to a newer one changes nothing anywhere.
  const winners = new Set(won.map((row) => row.mutation_id));
  return [...latest.values()].filter((m) => winners.has(m.id)).map((m) => toChange(m, device));
}

/** Appends: the union of events, deduplicated by mutation id (a re-sent event is not a second event). */
async function applyEvents(
  tx: Queryable,
  device: DeviceIdentity,
  accepted: Mutation[],
): Promise<ChangeRow[]> {
  const events = accepted.filter((m) => m.op === 'append');
  if (events.length === 0) return [];
  const rows = events.map((m) => ({
    mutation_id: m.id,
    entity: m.entity,
    entity_id: m.entityId,
    data: m.data,
    hlc: m.hlc,
  }));
  const inserted = await tx.query<{ mutation_id: string }>(
    `INSERT INTO events (site_id, mutation_id, entity, entity_id, data, hlc, device_id)
     SELECT $1, x.mutation_id, x.entity, x.entity_id, x.data, x.hlc, $2
     FROM jsonb_to_recordset($3::jsonb) AS x(mutation_id text, entity text, entity_id text, data jsonb, hlc text)
     ORDER BY x.mutation_id
     ON CONFLICT (site_id, mutation_id) DO NOTHING
     RETURNING mutation_id`,
    [device.siteId, device.deviceId, JSON.stringify(rows)],
  );
  // The same id twice in one batch inserts once; it must enter the pull log once too.
  const fresh = new Set(inserted.map((row) => row.mutation_id));
  const changes: ChangeRow[] = [];
  for (const m of events) {
    if (!fresh.delete(m.id)) continue;
    changes.push(toChange(m, device));
  }
  return changes;
}

function toChange(m: Mutation, device: DeviceIdentity): ChangeRow {
  return {
    seq: m.seq,
    entity: m.entity,
    entityId: m.entityId,
    op: m.op,
    data: m.op === 'delete' ? null : m.data,
    hlc: m.hlc,
    deviceId: device.deviceId,
  };
}

async function quarantine(
  tx: Queryable,
  device: DeviceIdentity,
  epoch: string,
  rejected: Rejected[],
): Promise<void> {
  if (rejected.length === 0) return;
  const rows = rejected.map(({ mutation: m, error }) => ({
    seq: m.seq,
    mutation_id: m.id,
    entity: m.entity,
    entity_id: m.entityId,
    op: m.op,
    hlc: m.hlc,
    // JSON.stringify escapes NUL and lone surrogates, so this text is always storable.
    data_json: JSON.stringify(m.data) ?? 'null',
    error,
  }));
  await tx.query(
    `INSERT INTO quarantine (site_id, device_id, epoch, seq, mutation_id, entity, entity_id, op, hlc, data_json, error)
     SELECT $1, $2, $3, x.seq, x.mutation_id, x.entity, x.entity_id, x.op, x.hlc, x.data_json, x.error
     FROM jsonb_to_recordset($4::jsonb)
       AS x(seq bigint, mutation_id text, entity text, entity_id text, op text, hlc text, data_json text, error text)
     ON CONFLICT (device_id, epoch, seq) DO NOTHING`,
    [device.siteId, device.deviceId, epoch, JSON.stringify(rows)],
  );
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
