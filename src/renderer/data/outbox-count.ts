import { liveQuery } from 'dexie';
import { useCallback, useSyncExternalStore } from 'react';
import type { FloorguardDb } from './db';

interface SharedCount {
  value: number;
  listeners: Set<() => void>;
  stop: (() => void) | null;
}

const counts = new WeakMap<FloorguardDb, SharedCount>();

function shared(db: FloorguardDb): SharedCount {
  let entry = counts.get(db);
  if (!entry) {
    entry = { value: 0, listeners: new Set(), stop: null };
    counts.set(db, entry);
  }
  return entry;
}

/** Listens to the shared count (starting its query with the first listener, stopping it after the last). */
function subscribe(db: FloorguardDb, listener: () => void): () => void {
  const entry = shared(db);
  entry.listeners.add(listener);
  if (!entry.stop) {
    const subscription = liveQuery(() => db.outbox.count()).subscribe({
      next: (value) => {
        entry.value = value;
        for (const notify of entry.listeners) notify();
      },
      error: () => undefined,
    });
    entry.stop = () => subscription.unsubscribe();
  }
  return () => {
    entry.listeners.delete(listener);
    if (entry.listeners.size === 0) {
      entry.stop?.();
      entry.stop = null;
    }
  };
}

/**
 * The number of changes waiting to sync, live from the outbox: one query for every component that shows it (status
 * bar, tray, settings, diagnostics), re-run once per outbox change rather than once per component — each re-run
 * lands right after a save commits.
 */
export function useOutboxCount(db: FloorguardDb): number {
  const listen = useCallback((listener: () => void) => subscribe(db, listener), [db]);
  return useSyncExternalStore(listen, () => shared(db).value);
}
