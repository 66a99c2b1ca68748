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

export function readNewestCalls(name: string, limit: number): Promise<StoredCall[]> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(name);
    } catch {
      return resolve([]);
    }
    // No database yet (a new seat): opening without a version would create an empty one; abort instead.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = () => resolve([]);
    request.onblocked = () => resolve([]);
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close();
      if (!db.objectStoreNames.contains('calls')) {
        db.close();
        return resolve([]);
      }
      const rows: StoredCall[] = [];
      try {
        const tx = db.transaction('calls', 'readonly');
        const cursor = tx.objectStore('calls').index('createdAt').openCursor(null, 'prev');
        cursor.onsuccess = () => {
          const at = cursor.result;
          if (!at) return;
          rows.push(at.value as StoredCall);
          if (rows.length < limit) at.continue();
        };
        tx.oncomplete = () => {
          db.close();
          resolve(rows);
        };
        tx.onerror = tx.onabort = () => {
          db.close();
          resolve([]);
        };
      } catch {
        db.close();
        resolve([]);
      }
    };
  });
}
