import type { FloorguardDb, OutboxEntry } from './db';

/**
 * Adds mutations to the sync outbox with the next contiguous seq numbers. Must run inside a Dexie 'rw' transaction
 * that includes `outbox` and `meta` — the same transaction that writes the records — so a record is never saved
 * without its mutation, nor a seq used twice or skipped.
 */
export async function queueMutations(
  db: FloorguardDb,
  mutations: readonly Omit<OutboxEntry, 'seq'>[],
): Promise<void> {
  if (!mutations.length) return;
  const next = await db.meta.get('nextSeq');
  let seq = typeof next?.value === 'number' ? next.value : 1;
  await db.outbox.bulkAdd(mutations.map((m) => ({ ...m, seq: seq++ })));
  await db.meta.put({ key: 'nextSeq', value: seq });
}
