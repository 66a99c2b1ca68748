import { useCallback, useRef, useState } from 'react';

/** A save still running after this long (main unreachable, a slow disk) is shown as in progress. */
const SLOW_SAVE_MS = 150;

/**
 * Tracks a save in flight. The form is never disabled during a save: a disabled field drops the keys the agent types
 * into it (the next caller is already talking), and toggling `disabled` invalidates style and blurs the focused field,
 * main-thread work that lands exactly while IndexedDB and main wait for that thread (ADR 0009). What is typed
 * meanwhile belongs to the next call (its first key empties the form, next-call.ts), and Enter pressed meanwhile saves that call as soon as
 * this one is done (`queueSubmit`). A save still running after SLOW_SAVE_MS is shown as "saving…" (`slow`).
 */
export function useSaveInFlight() {
  const active = useRef(false);
  const queued = useRef(false);
  const [slow, setSlow] = useState(false);

  /** Marks a save in flight until `work` settles; resolves or rejects with it. */
  const during = useCallback(async <T>(work: () => Promise<T>): Promise<T> => {
    active.current = true;
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

  return { slow, during, queueSubmit, takeQueuedSubmit };
}
