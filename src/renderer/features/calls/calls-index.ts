import { create } from 'zustand';
import type { CallLog } from '@shared/calls/schema';
import type { FloorguardDb } from '../../data/db';
import type { LocalStore } from '../../data/local-store';

interface CallsIndexState {
  /** Every call, newest first. Kept in memory so that search over 100,000 rows answers within a keystroke. */
  all: CallLog[];
  loaded: boolean;
  version: number;
}

export const useCallsIndex = create<CallsIndexState>(() => ({ all: [], loaded: false, version: 0 }));

export const FIRST_PAGE = 200;
const CHUNK = 2_500;

/** Rows changed while the chunks were read are newer in the live list: keep those versions. */
function mergeNewer(loaded: CallLog[], live: CallLog[]): CallLog[] {
  const liveById = new Map(live.map((c) => [c.id, c]));
  const merged = loaded.map((c) => liveById.get(c.id) ?? c);
  const known = new Set(loaded.map((c) => c.id));
  const added = live.filter((c) => !known.has(c.id));
  return added.length ? [...added, ...merged].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1)) : merged;
}

/**
 * The index with `changed` applied: changed rows replaced where they are, new ones put in createdAt order (newest
 * first; a call just logged goes on top) without sorting 100,000 rows again.
 */
function applyChanges(
  all: readonly CallLog[],
  changed: readonly CallLog[],
  removed: ReadonlySet<string> = new Set(),
): CallLog[] {
  const pending = new Map(changed.map((c) => [c.id, c]));
  const next: CallLog[] = [];
  for (const c of all) {
    if (removed.has(c.id)) continue;
    const update = pending.get(c.id);
    next.push(update ?? c);
    pending.delete(c.id);
  }
  for (const call of pending.values()) {
    let low = 0;
    let high = next.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((next[mid]?.createdAt ?? '') > call.createdAt) low = mid + 1;
      else high = mid;
    }
    next.splice(low, 0, call);
  }
  return next;
}

/**
 * The newest rows, read while the app starts (in parallel with the translations and main's answers), so the first
 * frame already shows them. With `since` — the createdAt of the FIRST_PAGE-th newest call when the last snapshot was
 * taken (boot/shell-snapshot.ts; null when there were fewer) — one forward read from there: a reverse cursor from the
 * end of the index took 0.7–1.2 s in a fresh renderer with 100,000 calls. Without it, or when more than twice a page
 * was saved since, the reverse read.
 */
export async function loadFirstPage(db: FloorguardDb, since?: string | null): Promise<void> {
  let first: CallLog[] | undefined;
  if (since !== undefined) {
    const forward = await db.calls
      .where('createdAt')
      .aboveOrEqual(since ?? '')
      .limit(FIRST_PAGE * 2)
      .toArray();
    if (forward.length < FIRST_PAGE * 2) first = forward.slice(-FIRST_PAGE).reverse();
  }
  first ??= await db.calls.orderBy('createdAt').reverse().limit(FIRST_PAGE).toArray();
  performance.mark('floorguard:first-page');
  useCallsIndex.setState((s) => ({ all: mergeNewer(first, s.all), loaded: false, version: s.version + 1 }));
}

/**
 * Call once the first frame is painted: reads every call in chunks (search covers all of them once `loaded`), and from
 * now on applies each change the repository reports (this window or another) by re-reading just those rows.
 */
export function startCallsIndex(store: LocalStore): () => void {
  let cancelled = false;
  // Removed while the chunks are read: a chunk read just before the delete must not bring the row back.
  const removedDuringLoad = new Set<string>();
  const apply = (changed: readonly CallLog[], removed: ReadonlySet<string>) => {
    if (!useCallsIndex.getState().loaded) for (const id of removed) removedDuringLoad.add(id);
    if (changed.length || removed.size)
      useCallsIndex.setState((s) => ({ all: applyChanges(s.all, changed, removed), version: s.version + 1 }));
  };
  // Saved here: the rows as saved, applied at once (the duplicate check reads the index); elsewhere: re-read, and
  // an id no longer in the database (deleted by the centre, purged by retention) leaves the list.
  const off = store.calls.onChange((ids, rows) => {
    if (rows) return apply(rows, new Set());
    void store.db.calls.bulkGet(ids).then((found) => {
      const changed = found.filter((r): r is CallLog => !!r);
      apply(changed, new Set(ids.filter((_, i) => !found[i])));
    });
  });
  void (async () => {
    // In chunks, yielding between them: one 100,000-row read would hold the main thread (IndexedDB results are
    // deserialised there) for seconds while the agent is trying to type.
    const all: CallLog[] = [];
    // Paged by key, newest first: each chunk starts at the last createdAt read, skipping the rows of that very
    // millisecond already read (equal keys come in a fixed order), so none falls between pages and none is read
    // twice. (Paging by position made IndexedDB walk past every earlier row again for each chunk.)
    let before: string | undefined;
    let readAtBefore = new Set<string>();
    for (;;) {
      const range =
        before === undefined
          ? store.db.calls.orderBy('createdAt')
          : store.db.calls.where('createdAt').belowOrEqual(before);
      const wanted = CHUNK + readAtBefore.size;
      const chunk: CallLog[] = await range.reverse().limit(wanted).toArray();
      if (cancelled) return;
      const fresh = chunk.filter((c) => !(c.createdAt === before && readAtBefore.has(c.id)));
      all.push(...fresh);
      const last = fresh.at(-1)?.createdAt;
      if (chunk.length < wanted || last === undefined) break;
      const sameMs = fresh.filter((c) => c.createdAt === last).map((c) => c.id);
      readAtBefore = last === before ? new Set([...readAtBefore, ...sameMs]) : new Set(sameMs);
      before = last;
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    const kept = removedDuringLoad.size ? all.filter((c) => !removedDuringLoad.has(c.id)) : all;
    useCallsIndex.setState((s) => ({ all: mergeNewer(kept, s.all), loaded: true, version: s.version + 1 }));
  })();
  return () => {
    cancelled = true;
    off();
  };
}
