import { v7 as uuidv7 } from 'uuid';
import { HLC_PATTERN } from '@shared/sync/hlc';
import type { FloorguardDb, OutboxEntry, SeqClaim } from '../data/db';
import { numberMutations } from '../data/outbox';
import type { StoredIncidentEvent } from './apply-remote';

export interface GapRecovery {
  serverAckedSeq: number;
  /** What this seat believed the server held. */
  localAckedSeq: number;
  /** Current records and events queued again because the server may have lost them. */
  resent: number;
  /** Changes that were already pending, kept and renumbered after them. */
  pending: number;
}

/**
 * The server answered `seq_gap`: it holds less of this epoch than this seat was told (it lost data — restored from
 * a backup — or this seat is a new device after a re-enrolment, or the outbox lost rows). The changes between the
 * server's ackedSeq and the outbox were deleted here once acknowledged, so they cannot be re-sent as they were.
 * Instead, in ONE transaction with the outbox: every local call (its current version, with its own HLC) and every
 * incident event is queued again from ackedSeq + 1, followed by every pending change, renumbered contiguously.
 * Nothing pending is dropped, and the re-sent copies are harmless at the centre: an equal HLC never overwrites a
 * record there, and events are deduplicated by id (their mutation id is the event id).
 */
export async function recoverFromGap(
  db: FloorguardDb,
  serverAckedSeq: number,
  now: () => Date = () => new Date(),
): Promise<GapRecovery> {
  const eventsTable = db.table<StoredIncidentEvent, string>('incidentEvents');
  return db.transaction('rw', [db.outbox, db.meta, db.seqClaims, db.calls, eventsTable], async () => {
    const pending = await db.outbox.orderBy('seq').toArray();
    const localAcked = Number((await db.meta.get('ackedSeq'))?.value ?? 0);
    const createdAt = now().toISOString();
    const pendingEvents = new Set<string>();
    for (const entry of pending) {
      if (entry.entity !== 'incident-event') continue;
      pendingEvents.add(entry.id);
      const dataId = (entry.data as { id?: unknown } | null)?.id;
      if (typeof dataId === 'string') pendingEvents.add(dataId);
    }

    const snapshot: Omit<OutboxEntry, 'seq'>[] = [];
    for (const call of await db.calls.toArray()) {
      if (!call.hlc || !HLC_PATTERN.test(call.hlc)) continue;
      // `syncedAt` is this seat's own bookkeeping, not part of the record.
      const data = { ...call };
      delete data.syncedAt;
      snapshot.push({
        id: uuidv7(),
        entity: 'call',
        entityId: call.id,
        op: 'upsert',
        data,
        hlc: call.hlc,
        createdAt,
      });
    }
    for (const event of await eventsTable.toArray()) {
      if (pendingEvents.has(event.id) || !HLC_PATTERN.test(event.hlc)) continue;
      const data = { ...event };
      delete data['syncedAt'];
      snapshot.push({
        id: event.id,
        entity: 'incident-event',
        entityId: event.incidentId,
        op: 'append',
        data,
        hlc: event.hlc,
        createdAt,
      });
    }

    const before = Number((await db.meta.get('nextSeq'))?.value ?? 1);
    const { rows: renumbered, nextSeq } = numberMutations([...snapshot, ...pending], serverAckedSeq + 1);
    await db.outbox.clear();
    await db.outbox.bulkAdd(renumbered);
    // Every seq a window may still expect to be next (up to the old counter) is claimed, so such a window's save
    // fails its claim and reads the counter again instead of writing at a seq now used, or leaving a gap.
    const claimedUpTo = Math.max(nextSeq - 1, before);
    const at = now().getTime();
    const claims: SeqClaim[] = [];
    for (let seq = serverAckedSeq + 1; seq <= claimedUpTo; seq++) claims.push({ seq, at });
    await db.seqClaims.bulkPut(claims);
    await db.meta.bulkPut([
      { key: 'nextSeq', value: nextSeq },
      { key: 'ackedSeq', value: serverAckedSeq },
    ]);
    return { serverAckedSeq, localAckedSeq: localAcked, resent: snapshot.length, pending: pending.length };
  });
}
