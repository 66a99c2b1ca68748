import type { FloorguardApi } from '@shared/ipc/client';
import type { JournalEntry } from '@shared/journal/schema';
import type { FloorguardDb } from '../../data/db';

const key = (e: JournalEntry) => `${e.entity}:${e.id}:${e.hlc}`;

/**
 * Sends saved records to main's journal and waits for its fsync. If main does not answer in time (busy, or the
 * harness socket is down), the entries are parked in IndexedDB and re-sent until main confirms them, so the second
 * copy is late but never missing. The caller learns that the copy is pending and tells the agent.
 */
export function createJournalSink(api: FloorguardApi, db: FloorguardDb, timeoutMs = 2000) {
  let flushing: Promise<number> | null = null;

  async function send(entries: JournalEntry[]): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`main did not confirm within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      const result = await Promise.race([api.invoke('journal:append', { entries }), timeout]);
      if (!result.ok) throw new Error(result.error.message);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Re-sends parked entries in order; returns how many main confirmed. */
  function flush(): Promise<number> {
    flushing ??= (async () => {
      let sent = 0;
      try {
        const rows = await db.pendingJournal.orderBy('key').toArray();
        for (let i = 0; i < rows.length; i += 200) {
          const batch = rows.slice(i, i + 200);
          await send(batch.map((r) => r.entry));
          await db.pendingJournal.bulkDelete(batch.map((r) => r.key));
          sent += batch.length;
        }
      } catch {
        // Still unreachable: the next flush tries again.
      } finally {
        flushing = null;
      }
      return sent;
    })();
    return flushing;
  }

  return {
    async append(entries: JournalEntry[]): Promise<void> {
      try {
        await send(entries);
      } catch (error) {
        await db.pendingJournal.bulkPut(entries.map((entry) => ({ key: key(entry), entry })));
        throw error;
      }
    },
    flush,
    /** Retries every `intervalMs` and as soon as the browser says the network is back. */
    start(intervalMs = 5000): () => void {
      const timer = setInterval(() => void flush(), intervalMs);
      const onOnline = () => void flush();
      window.addEventListener('online', onOnline);
      void flush();
      return () => {
        clearInterval(timer);
        window.removeEventListener('online', onOnline);
      };
    },
  };
}
