import Dexie from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import type { CallLog } from '@shared/calls/schema';
import type { FloorguardDb, OutboxEntry, SeqClaim } from './db';

/**
 * Outbox seq numbers are contiguous per epoch and never used twice: the centre takes a seq it already holds for a
 * duplicate (issue 4). Every transaction that queues mutations takes the next ones from the `nextSeq` counter and
 * claims each in `seqClaims`.
 *
 * Reading the counter costs a round trip to IndexedDB, and each round trip waits for the renderer's main thread,
 * which is busiest exactly when the agent saves (ADR 0009). So a window remembers what its last transaction left
 * in the counter and writes at that seq without reading it (`optimistic`). The claims make that safe: if another
 * window (or a gap recovery) took that seq since, adding its claim fails, IndexedDB aborts the whole transaction —
 * even one already told to commit — and the caller retries it, reading the counter this time.
 *
 * A claim has to outlive every window's memory of the counter: memories older than EXPECTATION_TTL_MS are not
 * used, and claims are pruned only once the centre has their seq and they are older than CLAIM_RETENTION_MS.
 */
export const EXPECTATION_TTL_MS = 30 * 60_000;
export const CLAIM_RETENTION_MS = 24 * 60 * 60_000;
/** A wall clock that moved this much against the monotonic one (set by hand, resumed VM): the memory is not used. */
const CLOCK_JUMP_MS = 60_000;

interface Expectation {
  nextSeq: number;
  /** performance.now() and Date.now() when it was learnt. */
  at: number;
  wall: number;
}

const expectations = new WeakMap<FloorguardDb, Expectation>();

/** The `nextSeq` this window's last transaction left, while it can be relied on (its claims still guard it). */
export function takeExpectedSeq(db: FloorguardDb): number | undefined {
  const expected = expectations.get(db);
  // Spent either way: a later transaction relies on it again only once this one has confirmed it.
  expectations.delete(db);
  if (!expected) return undefined;
  const age = performance.now() - expected.at;
  const wallAge = Date.now() - expected.wall;
  if (age > EXPECTATION_TTL_MS || Math.abs(wallAge - age) > CLOCK_JUMP_MS) return undefined;
  return expected.nextSeq;
}

/** Called once a transaction that left `nextSeq` in the counter has committed. */
export function rememberNextSeq(db: FloorguardDb, nextSeq: number): void {
  expectations.set(db, { nextSeq, at: performance.now(), wall: Date.now() });
}

/** The seq-numbered rows and claims of mutations that start at `first`. */
export function numberMutations(
  mutations: readonly Omit<OutboxEntry, 'seq'>[],
  first: number,
  at = Date.now(),
): { rows: OutboxEntry[]; claims: SeqClaim[]; nextSeq: number } {
  let seq = first;
  const rows = mutations.map((m) => ({ ...m, seq: seq++ }));
  return { rows, claims: rows.map((row) => ({ seq: row.seq, at })), nextSeq: seq };
}

/** The outbox counter was not what this window expected (another window saved, or a gap recovery renumbered). */
export class OutboxSeqMoved extends Error {
  constructor() {
    super('The outbox sequence moved under this window; the transaction must be retried.');
    this.name = 'OutboxSeqMoved';
  }
}

/**
 * Adds mutations to the sync outbox with the next contiguous seq numbers. Must run inside a Dexie 'rw' transaction
 * that includes `outbox`, `meta` and `seqClaims` — the same transaction that writes the records — so a record is
 * never saved without its mutation, nor a seq used twice or skipped.
 * - `optimistic`: at the seq this window expects, in the same round trip as the caller's writes. A taken seq throws
 *   OutboxSeqMoved (and aborts the transaction: nothing of it is kept); the caller retries without `optimistic`.
 * - otherwise, reading the counter first.
 */
export async function queueMutations(
  db: FloorguardDb,
  mutations: readonly Omit<OutboxEntry, 'seq'>[],
  options: { optimistic?: boolean } = {},
): Promise<void> {
  if (!mutations.length) return;
  const expected = options.optimistic ? takeExpectedSeq(db) : undefined;
  if (expected !== undefined) {
    const { rows, claims, nextSeq } = numberMutations(mutations, expected);
    const taken = await Promise.all([
      db.seqClaims.bulkAdd(claims),
      db.outbox.bulkAdd(rows),
      db.meta.put({ key: 'nextSeq', value: nextSeq }),
    ]).then(
      () => false,
      () => true, // A claim or a row already there: another transaction took this seq.
    );
    if (taken) throw new OutboxSeqMoved();
    afterCommit(db, nextSeq);
    return;
  }
  const next = await db.meta.get('nextSeq');
  const { rows, claims, nextSeq } = numberMutations(
    mutations,
    typeof next?.value === 'number' ? next.value : 1,
  );
  // The counter was read in this transaction: these seqs are ours, whatever an earlier claim says (a gap recovery
  // leaves claims above the counter on purpose).
  await Promise.all([
    db.seqClaims.bulkPut(claims),
    db.outbox.bulkAdd(rows),
    db.meta.put({ key: 'nextSeq', value: nextSeq }),
  ]);
  afterCommit(db, nextSeq);
}

/** Remembers the counter once the surrounding transaction has committed (not if it aborts: then it is unchanged). */
function afterCommit(db: FloorguardDb, nextSeq: number) {
  const transaction = Dexie.currentTransaction;
  if (transaction) transaction.on('complete', () => rememberNextSeq(db, nextSeq));
  else rememberNextSeq(db, nextSeq);
}

/**
 * Drops the claims the centre holds (seq ≤ ackedSeq) that are older than CLAIM_RETENTION_MS, oldest first, stopping
 * at the first that is not. Runs in the acknowledging transaction (it must include `seqClaims`).
 */
export async function pruneClaims(db: FloorguardDb, ackedSeq: number, now = Date.now()): Promise<number> {
  const cutoff = now - CLAIM_RETENTION_MS;
  const old = await db.seqClaims
    .where('seq')
    .belowOrEqual(ackedSeq)
    .until((claim) => claim.at > cutoff)
    .toArray();
  await db.seqClaims.bulkDelete(old.map((claim) => claim.seq));
  return old.length;
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
