import type { FloorguardDb } from './db';

export interface DraftWriter {
  /** Keeps `value` as the draft (the newest value wins); `null` removes it. */
  write(value: object | null): void;
  /** Drops a write not started yet: the form is being saved, and the save's own transaction removes the draft. */
  cancel(): void;
  /** The save removed the draft (unless typing since `cancel` wrote a new one): an empty form then needs no write. */
  cleared(): void;
  /** Writes a waiting value now: the page is being hidden, reloaded or closed, and may not run its timers again. */
  flushNow(): void;
}

/**
 * Writes a form's draft behind the agent's typing: at most one write every `intervalMs`, the newest value wins, and
 * committed with relaxed durability. A draft is a convenience for a reload or a crash, not a record: a power cut may
 * cost the last keystrokes of a call not yet saved, whereas a strict (fsync'd) commit on every keystroke queued
 * behind it the save the agent is waiting for (ADR 0009).
 * Every keystroke is also mirrored, synchronously, into `mirror` (localStorage): its writes reach the browser process
 * at once, so a crash of the renderer — which runs no page events and cancels the timer — loses none of them.
 * Cancelling (the form is being saved) removes the mirror at once: the save's transaction removes the stored draft,
 * and a mirror left behind would bring a saved call back as a draft.
 */
export function createDraftWriter(
  db: FloorguardDb,
  key: string,
  intervalMs = 150,
  mirror: Storage | null = defaultMirror(),
): DraftWriter {
  const mirrorKey = mirrorKeyOf(key);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let next: object | null = null;
  // Whether the store may hold a draft: an empty form over no draft writes nothing.
  let stored = true;
  // Whether something was written (or asked to be) since the last cancel: then the save did not remove all of it.
  let writtenSinceCancel = false;

  function flush() {
    timer = undefined;
    const value = next;
    if (value === null && !stored) return;
    stored = value !== null;
    void writeRelaxed(db, key, value).catch(() => {
      // Best effort: a failing disk shows itself on the next save, which is a record.
    });
  }

  return {
    write(value) {
      writtenSinceCancel = true;
      next = value && { ...value };
      setMirror(mirror, mirrorKey, next);
      timer ??= setTimeout(flush, intervalMs);
    },
    cancel() {
      setMirror(mirror, mirrorKey, null);
      clearTimeout(timer);
      timer = undefined;
      writtenSinceCancel = false;
    },
    cleared() {
      if (!writtenSinceCancel) stored = false;
    },
    flushNow() {
      if (timer === undefined) return;
      clearTimeout(timer);
      flush();
    },
  };
}

async function writeRelaxed(db: FloorguardDb, key: string, value: object | null): Promise<void> {
  const row = value && { key, value, updatedAt: new Date().toISOString() };
  // Dexie sets one durability for the whole database (strict, for records); a draft goes straight to IndexedDB.
  const idb = db.isOpen() ? db.backendDB() : null;
  if (!idb) {
    await (row ? db.drafts.put(row) : db.drafts.delete(key));
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const tx = idb.transaction('drafts', 'readwrite', { durability: 'relaxed' });
    const store = tx.objectStore('drafts');
    if (row) store.put(row);
    else store.delete(key);
    // At once, not when this task ends: a page being left may not get to the end of it.
    tx.commit();
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('draft write aborted'));
  });
}

/** The draft to restore: the mirror when there is one (always the newest typing), else the stored draft. */
export async function readDraft(
  db: FloorguardDb,
  key: string,
  mirror: Storage | null = defaultMirror(),
): Promise<unknown> {
  const mirrored = readMirror(mirror, mirrorKeyOf(key));
  if (mirrored !== undefined) return mirrored;
  return (await db.drafts.get(key))?.value;
}

const mirrorKeyOf = (key: string) => `floorguard:draft:${key}`;

function defaultMirror(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage disabled for this origin
  }
}

function setMirror(mirror: Storage | null, key: string, value: object | null): void {
  try {
    if (value === null) mirror?.removeItem(key);
    else mirror?.setItem(key, JSON.stringify(value));
  } catch {
    // Full or disabled: the stored draft still follows, 150 ms behind.
  }
}

function readMirror(mirror: Storage | null, key: string): unknown {
  try {
    const text = mirror?.getItem(key);
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}
