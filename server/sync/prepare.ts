import type { Mutation, PushRequest } from '@shared/sync/protocol';
import type { DeviceIdentity } from '../auth';
import { utf8 } from '../db/text-pieces';
import { invalidRequest } from '../errors';
import { badString, rejectionReason } from './entities';

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

/** A mutation the entity rules refused: kept in quarantine, acknowledged, never applied (see preparePush). */
export interface RejectedMutation {
  seq: number;
  id: string;
  entity: string;
  entityId: string;
  op: string;
  hlc: string;
  /** JSON.stringify escapes NUL and lone surrogates, so this text is always storable. */
  dataJson: string;
  error: string;
}

/**
 * A push that passed the envelope checks, reduced to what its transaction needs. Plain data (strings, numbers,
 * arrays): it crosses to PGlite's thread as it is.
 */
export interface PreparedPush {
  device: DeviceIdentity;
  epoch: string;
  /** The batch is one contiguous run of `count` seqs from `firstSeq` (checkEnvelope); an empty batch has count 0. */
  firstSeq: number;
  count: number;
  /**
   * The valid mutations as the JSON array of their rows, in seq order: `{"s":seq,"e":entity,"i":entityId,"k":op,
   * "d":data,"h":hlc,"m":id}`, in UTF-8. Encoded once, when the push arrives; a group's statement joins these bytes
   * as they are (db/text-pieces.ts).
   * Short keys and no site or device (they are per push): every byte is copied to the database and parsed there.
   */
  rows: Uint8Array;
  /** How many rows `rows` holds: count minus the rejected. */
  rowCount: number;
  rejected: RejectedMutation[];
}

/**
 * Envelope checks, entity validation and the JSON of the rows to write: the CPU work of a push, done before it
 * queues for a transaction, so that none of it runs while a transaction holds locks (or PGlite's one connection).
 */
export function preparePush(device: DeviceIdentity, request: PushRequest): PreparedPush {
  checkEnvelope(request);
  const now = Date.now();
  const rows: ReturnType<typeof rowOf>[] = [];
  const rejected: RejectedMutation[] = [];
  for (const m of request.mutations) {
    const error = rejectionReason(m, now);
    if (error === null) rows.push(rowOf(m));
    else rejected.push(rejectedOf(m, error));
  }
  return {
    device: { deviceId: device.deviceId, siteId: device.siteId },
    epoch: request.epoch,
    firstSeq: request.mutations[0]?.seq ?? 0,
    count: request.mutations.length,
    rows: utf8(JSON.stringify(rows)),
    rowCount: rows.length,
    rejected,
  };
}

/** A mutation's part of its record or event and its pull log row (see PreparedPush.rows); a delete has no data. */
function rowOf(m: Mutation) {
  return {
    s: m.seq,
    e: m.entity,
    i: m.entityId,
    k: m.op,
    d: m.op === 'delete' ? null : m.data,
    h: m.hlc,
    m: m.id,
  };
}

function rejectedOf(m: Mutation, error: string): RejectedMutation {
  const { seq, id, entity, entityId, op, hlc } = m;
  return { seq, id, entity, entityId, op, hlc, dataJson: JSON.stringify(m.data) ?? 'null', error };
}
