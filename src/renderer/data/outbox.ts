import { v7 as uuidv7 } from 'uuid';
import type { CallLog } from '@shared/calls/schema';
import type { FloorguardDb, OutboxEntry } from './db';

/**
 * The `nextSeq` this window expects to find, per database: what the last transaction of ours that wrote the outbox
 * left there. A guess, always checked inside the transaction that relies on it.
 */
const expectedNextSeq = new WeakMap<FloorguardDb, number>();

/** The outbox counter was not what this window expected (another window saved, or a gap recovery renumbered). */
export class OutboxSeqMoved extends Error {
  constructor() {
    super('The outbox sequence moved under this window; the transaction must be retried.');
    this.name = 'OutboxSeqMoved';
  }
}

/**
 * Adds mutations to the sync outbox with the next contiguous seq numbers. Must run inside a Dexie 'rw' transaction
 * that includes `outbox` and `meta` — the same transaction that writes the records — so a record is never saved
 * without its mutation, nor a seq used twice or skipped.
 *
 * Each round trip to IndexedDB waits for the renderer's main thread, which is busiest exactly when the agent saves
 * (ADR 0009). So the counter is read, and the rows and the new counter written, together:
 * - `optimistic`: with the seq this window expects, in one round trip. IndexedDB runs a transaction's requests in
 *   order, so the read sees the counter as it was before our write; if it is not the expected one, this throws
 *   OutboxSeqMoved and the caller must retry its transaction (it aborts, so nothing of it is kept).
 * - otherwise, in two: the counter first, then the rows and the new counter.
 */
export async function queueMutations(
  db: FloorguardDb,
  mutations: readonly Omit<OutboxEntry, 'seq'>[],
  options: { optimistic?: boolean } = {},
): Promise<void> {
  if (!mutations.length) return;
  const expected = options.optimistic ? expectedNextSeq.get(db) : undefined;
  if (expected !== undefined) {
    let seq = expected;
    const rows = mutations.map((m) => ({ ...m, seq: seq++ }));
    // The guess is spent either way: a later transaction relies on it again only once this one has confirmed it.
    expectedNextSeq.delete(db);
    const current = await Promise.all([
      db.meta.get('nextSeq'),
      db.outbox.bulkAdd(rows),
      db.meta.put({ key: 'nextSeq', value: seq }),
    ]).then(
      ([row]) => row?.value,
      () => undefined, // A seq already taken (another window): moved, like a counter that does not match.
    );
    if (current !== expected) throw new OutboxSeqMoved();
    expectedNextSeq.set(db, seq);
    return;
  }
  const next = await db.meta.get('nextSeq');
  let seq = typeof next?.value === 'number' ? next.value : 1;
  const rows = mutations.map((m) => ({ ...m, seq: seq++ }));
  await Promise.all([db.outbox.bulkAdd(rows), db.meta.put({ key: 'nextSeq', value: seq })]);
  expectedNextSeq.set(db, seq);
}

/** The outbox mutations that send these saved calls (stamped with their HLC) to the centre, made at `at`. */
export function callUpserts(calls: readonly CallLog[], at: string): Omit<OutboxEntry, 'seq'>[] {
  return calls.map((call) => ({
    id: uuidv7(),
    entity: 'call',
    entityId: call.id,
    op: 'upsert',
    data: call,
    hlc: call.hlc ?? '',
    createdAt: at,
  }));
}
