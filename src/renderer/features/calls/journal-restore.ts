import type { JournalEntry } from '@shared/journal/schema';
import type { FloorguardDb } from '../../data/db';
import type { CallsRepository } from './calls-repository';

/**
 * On start: every record main's journal holds that IndexedDB lacks (or holds an older version of) is written back,
 * with its outbox mutation so it still reaches the centre. Returns how many were restored, to tell the user.
 */
export async function restoreFromJournal(
  db: FloorguardDb,
  repository: CallsRepository,
  entries: readonly JournalEntry[],
): Promise<number> {
  const calls = entries.filter((e) => e.entity === 'call');
  const existing = await db.calls.bulkGet(calls.map((e) => e.id));
  const missing = calls.filter((entry, i) => {
    const have = existing[i];
    return !have || (have.hlc ?? '') < entry.hlc;
  });
  if (!missing.length) return 0;
  // Already in the journal: do not journal again. The restored version gets a new hlc, which is newer than
  // anything the centre has of it, so its content wins there too.
  await repository.save(
    missing.map((e) => e.data),
    { journal: false },
  );
  return missing.length;
}
