import type { JournalEntry } from '@shared/journal/schema';
import type { LocalStore } from '../../data/local-store';
import { createIncidentsRepository } from './incidents-repository';

/**
 * On start: incident events main's journal holds that IndexedDB lost are written back as they were (same id, hlc and
 * author), with their outbox mutation so they still reach the centre. Returns how many came back.
 */
export async function restoreIncidentEvents(
  store: Pick<LocalStore, 'db' | 'clock'>,
  entries: readonly JournalEntry[],
): Promise<number> {
  const events = entries.flatMap((e) => (e.entity === 'incident-event' ? [e.data] : []));
  if (!events.length) return 0;
  const repository = createIncidentsRepository({
    db: store.db,
    clock: store.clock,
    author: () => '',
    seat: () => '',
  });
  return repository.restore(events);
}
