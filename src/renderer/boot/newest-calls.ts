/**
 * The newest calls, read with the bare IndexedDB API before Dexie is loaded (first-rows.ts). Read-only and short:
 * the connection closes as soon as the rows are in, and at once if the app asks for a version change, so it never
 * holds up Dexie's open or an upgrade. A database that does not exist yet is not created here.
 */

/** What a pre-painted row shows: a subset of CallLog (src/shared/calls/schema.ts), as stored. */
export interface StoredCall {
  id: string;
  createdAt: string;
  agent: string;
  callerPhone: string;
  problemType: string;
  summary: string;
  status?: string;
  vip?: boolean;
}

/** At most this many rows are read forward from `since`; more than that were saved since the snapshot (rare). */
const SINCE_LIMIT = 200;

/**
 * Opens `name` for reading, without creating it: a database that does not exist yet resolves null (as does any
 * failure). The connection closes the moment the app asks for a version change.
 */
export function openCalls(name: string): Promise<IDBDatabase | null> {
  return new Promise((opened) => {
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(name);
    } catch {
      return opened(null);
    }
    // No database yet (a new seat): opening without a version would create an empty one; abort instead.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = () => opened(null);
    request.onblocked = () => opened(null);
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close();
      opened(db);
    };
  });
}

/**
 * The newest `limit` calls, newest first, read through `opening` (openCalls, or the page's early open), which is
 * closed once they are in. With `since` (the createdAt of the `limit`-th newest call when the snapshot was taken;
 * null when there were fewer), one forward `getAll` from there: a reverse cursor from the end of the index took
 * 0.7–1.2 s in a fresh renderer with 100,000 calls, this 3–260 ms. Without it, or when more than SINCE_LIMIT calls
 * were saved since, the reverse cursor.
 */
export async function readNewestCalls(
  opening: Promise<IDBDatabase | null>,
  limit: number,
  since?: string | null,
): Promise<StoredCall[]> {
  const db = await opening;
  if (!db) return [];
  return new Promise((resolve) => {
    if (!db.objectStoreNames.contains('calls')) {
      db.close();
      return resolve([]);
    }
    let rows: StoredCall[] = [];
    try {
      const tx = db.transaction('calls', 'readonly');
      const byTime = tx.objectStore('calls').index('createdAt');
      const readBackwards = () => {
        rows = [];
        const cursor = byTime.openCursor(null, 'prev');
        cursor.onsuccess = () => {
          const at = cursor.result;
          if (!at) return;
          rows.push(at.value as StoredCall);
          if (rows.length < limit) at.continue();
        };
      };
      if (since === undefined) readBackwards();
      else {
        const forward = byTime.getAll(since === null ? null : IDBKeyRange.lowerBound(since), SINCE_LIMIT);
        forward.onsuccess = () => {
          const found = forward.result as StoredCall[];
          if (found.length >= SINCE_LIMIT) return readBackwards();
          rows = found.slice(-limit).reverse();
        };
      }
      tx.oncomplete = () => {
        db.close();
        resolve(rows);
      };
      tx.onerror = tx.onabort = () => {
        db.close();
        resolve([]);
      };
    } catch {
      // Closed meanwhile (the app asked for a version change): the app draws the rows itself.
      db.close();
      resolve([]);
    }
  });
}
