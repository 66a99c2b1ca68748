import { create } from 'zustand';

/** A failed write to IndexedDB, shown as a blocking dialog until the agent acknowledges it. */
export const useWriteError = create<{ error: { quota: boolean; detail: string } | null }>(() => ({
  error: null,
}));

export function reportWriteError(error: unknown): void {
  const name = error instanceof Error ? error.name : '';
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  // Dexie wraps the DOMException; both names mean the disk or the origin's quota is full.
  const quota = name === 'QuotaExceededError' || /QuotaExceeded/i.test(detail);
  useWriteError.setState({ error: { quota, detail } });
}
