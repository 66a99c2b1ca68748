import { create } from 'zustand';

interface StorageState {
  /** navigator.storage.persist() answer; null until asked (or where the API is missing). */
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
}

export const useStorageState = create<StorageState>(() => ({ persisted: null, usage: null, quota: null }));

export const STORAGE_WARN_RATIO = 0.8;

/**
 * Asks the browser not to evict our IndexedDB under pressure, then watches usage against the quota so the floor is
 * warned (at 80 %) long before a save fails.
 */
export function watchStorage(intervalMs = 60_000): () => void {
  const storage = navigator.storage as StorageManager | undefined;
  if (!storage) return () => undefined;
  void storage
    .persist()
    .then((persisted) => useStorageState.setState({ persisted }))
    .catch(() => useStorageState.setState({ persisted: false }));
  const measure = () =>
    void storage
      .estimate()
      .then(({ usage, quota }) => useStorageState.setState({ usage: usage ?? null, quota: quota ?? null }))
      .catch(() => undefined);
  measure();
  const timer = setInterval(measure, intervalMs);
  return () => clearInterval(timer);
}
