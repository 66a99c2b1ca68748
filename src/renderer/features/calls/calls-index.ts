import { create } from 'zustand';
import type { CallLog } from '@shared/calls/schema';
import type { LocalStore } from '../../data/local-store';

interface CallsIndexState {
  /** Every call, newest first. Kept in memory so that search over 100,000 rows answers within a keystroke. */
  all: CallLog[];
  loaded: boolean;
  version: number;
}

export const useCallsIndex = create<CallsIndexState>(() => ({ all: [], loaded: false, version: 0 }));

const FIRST_PAGE = 200;
const CHUNK = 10_000;

/** Rows changed while the chunks were read are newer in the live list: keep those versions. */
function mergeNewer(loaded: CallLog[], live: CallLog[]): CallLog[] {
  const liveById = new Map(live.map((c) => [c.id, c]));
  const merged = loaded.map((c) => liveById.get(c.id) ?? c);
  const known = new Set(loaded.map((c) => c.id));
  const added = live.filter((c) => !known.has(c.id));
  return added.length ? [...added, ...merged].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1)) : merged;
}

/**
 * Loads the newest page first (first rows on screen fast), then everything; afterwards applies each change the
 * repository reports (this window or another) by re-reading just those rows.
 */
export function startCallsIndex(store: LocalStore): () => void {
  let cancelled = false;
  void (async () => {
    const first = await store.db.calls.orderBy('createdAt').reverse().limit(FIRST_PAGE).toArray();
    if (cancelled) return;
    performance.mark('floorguard:first-page');
    useCallsIndex.setState((s) => ({ all: first, loaded: false, version: s.version + 1 }));
    // The rest is read in chunks after the first rows are painted: one 100,000-row read would hold the main thread
    // (IndexedDB results are deserialised there) for seconds while the agent is trying to type.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const all: CallLog[] = [];
    for (let offset = 0; ; offset += CHUNK) {
      // Paged by position, not by createdAt: calls logged in the same millisecond must not fall between pages.
      const chunk: CallLog[] = await store.db.calls
        .orderBy('createdAt')
        .reverse()
        .offset(offset)
        .limit(CHUNK)
        .toArray();
      if (cancelled) return;
      all.push(...chunk);
      if (chunk.length < CHUNK) break;
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    useCallsIndex.setState((s) => ({ all: mergeNewer(all, s.all), loaded: true, version: s.version + 1 }));
  })();

  const off = store.calls.onChange((ids) => {
    void store.db.calls.bulkGet(ids).then((rows) => {
      const changed = new Map(rows.filter((r): r is CallLog => !!r).map((r) => [r.id, r]));
      useCallsIndex.setState((s) => {
        const kept = s.all.map((c) => changed.get(c.id) ?? c);
        const known = new Set(s.all.map((c) => c.id));
        const added = [...changed.values()].filter((c) => !known.has(c.id));
        const all = added.length
          ? [...added, ...kept].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))
          : kept;
        return { all, version: s.version + 1 };
      });
    });
  });
  return () => {
    cancelled = true;
    off();
  };
}
