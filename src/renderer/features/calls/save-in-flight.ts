import { useCallback, useRef, useState } from 'react';

/** A save still running after this long (main unreachable, a slow disk) greys the form out. */
const SLOW_SAVE_MS = 150;

/**
 * Tracks a save in flight. The form is not disabled when the save starts: toggling `disabled` (or `readOnly`) on its
 * fields invalidates their style and blurs or re-carets the focused one, main-thread work that lands exactly while
 * IndexedDB and main wait for that thread (ADR 0009). A save takes milliseconds; what is typed meanwhile belongs to
 * the next call and is kept (`edited`), and Enter pressed meanwhile saves that call as soon as this one is done
 * (`queueSubmit`). Only a save still running after SLOW_SAVE_MS disables the form, so the agent sees it is busy.
 */
export function useSaveInFlight() {
  const active = useRef(false);
  const edited = useRef(new Set<string>());
  const queued = useRef(false);
  const [slow, setSlow] = useState(false);

  /** Marks a save in flight until `work` settles; resolves or rejects with it. */
  const during = useCallback(async <T>(work: () => Promise<T>): Promise<T> => {
    active.current = true;
    edited.current = new Set();
    queued.current = false;
    const timer = setTimeout(() => setSlow(true), SLOW_SAVE_MS);
    try {
      return await work();
    } finally {
      clearTimeout(timer);
      active.current = false;
      setSlow(false);
    }
  }, []);

  /** A field changed (by the agent): remembered while a save is in flight. */
  const noteEdit = useCallback((name: string | undefined) => {
    if (active.current && name) edited.current.add(name);
  }, []);

  /** The fields changed during the last save. */
  const editedDuringSave = useCallback((): ReadonlySet<string> => edited.current, []);

  /** Enter while a save is in flight: true if it is kept for when the save is done. */
  const queueSubmit = useCallback((): boolean => {
    if (active.current) queued.current = true;
    return active.current;
  }, []);

  /** Whether Enter was pressed during the last save (asked once). */
  const takeQueuedSubmit = useCallback((): boolean => {
    const wasQueued = queued.current;
    queued.current = false;
    return wasQueued;
  }, []);

  return { slow, during, noteEdit, editedDuringSave, queueSubmit, takeQueuedSubmit };
}
