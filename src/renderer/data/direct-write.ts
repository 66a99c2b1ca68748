import Dexie, { RangeSet, type ObservabilitySet } from 'dexie';
import type { FloorguardDb, OutboxEntry } from './db';
import { OutboxSeqMoved, numberMutations, rememberNextSeq, takeExpectedSeq } from './outbox';

/** The stores a direct write may touch: the record tables of a save, the outbox and its bookkeeping. */
type Store = 'calls' | 'drafts';

export interface DirectWrite {
  /** Rows put (their key is in the row), by store. */
  put?: Partial<Record<Store, readonly unknown[]>>;
  /** Keys deleted, by store. */
  delete?: Partial<Record<Store, readonly string[]>>;
  /** Queued in the outbox with the next seq numbers, in the same transaction. */
  mutations: readonly Omit<OutboxEntry, 'seq'>[];
}

/**
 * Writes records and their outbox mutations in one strict IndexedDB transaction, issued straight on the database
 * and committed with `IDBTransaction.commit()` as soon as the last request is out (ADR 0009, session 10).
 *
 * Through Dexie, the transaction commits only once every request's result has come back to the renderer's main
 * thread, one task each, and Dexie's promises have run: in the bench that was ~5 ms of a save's 10, more when the
 * thread is busy. Here nothing comes back before the commit. Requests still fail as they would: an error that is not
 * handled aborts the transaction even after commit() (IndexedDB spec, "commit a transaction"), so a taken seq claim
 * (see outbox.ts) undoes the whole write.
 *
 * Resolves `false`, writing nothing, when the database is not open here (the caller writes through Dexie, which
 * opens it). Rejects with the IndexedDB error (QuotaExceededError, …) when the transaction aborts.
 */
export async function writeDirect(
  db: FloorguardDb,
  write: DirectWrite,
  options: { announceAfter?: PromiseLike<unknown> } = {},
): Promise<boolean> {
  const expected = takeExpectedSeq(db);
  let written: boolean;
  try {
    written = await attempt(db, write, expected);
  } catch (error) {
    // Another window (or a gap recovery) took the seq this one expected: again, reading the counter first.
    if (!(expected !== undefined && error instanceof OutboxSeqMoved)) throw error;
    written = await attempt(db, write, undefined);
  }
  if (written) {
    const stores = [
      ...Object.keys(write.put ?? {}),
      ...Object.keys(write.delete ?? {}),
      'outbox',
      'meta',
      'seqClaims',
    ];
    // In a task of its own (after `announceAfter`, if given): the queries that run again are no part of the write.
    const announceNow = () => setTimeout(() => announce(db, stores), 0);
    if (options.announceAfter) void Promise.resolve(options.announceAfter).then(announceNow, announceNow);
    else announceNow();
  }
  return written;
}

async function attempt(db: FloorguardDb, write: DirectWrite, expected: number | undefined): Promise<boolean> {
  const transaction = begin(db, write);
  if (!transaction) return false;
  const put = write.put ?? {};
  const remove = write.delete ?? {};
  // A request that cannot even be made (a row without its key, a value that cannot be cloned) throws at once:
  // the transaction is aborted then, so the requests already made are not committed without the rest.
  let thrown: unknown;
  const issue = (requests: () => void) => {
    try {
      requests();
    } catch (error) {
      thrown = error;
      transaction.abort();
    }
  };
  let nextSeq = expected;
  const queue = (first: number, claim: 'add' | 'put') =>
    issue(() => {
      const numbered = numberMutations(write.mutations, first);
      const outbox = transaction.objectStore('outbox');
      const claims = transaction.objectStore('seqClaims');
      for (const row of numbered.rows) outbox.add(row);
      for (const row of numbered.claims) claims[claim](row);
      transaction.objectStore('meta').put({ key: 'nextSeq', value: numbered.nextSeq });
      nextSeq = numbered.nextSeq;
      transaction.commit();
    });

  const done = finished(transaction, expected !== undefined);
  issue(() => {
    for (const [store, rows] of Object.entries(put)) {
      const objectStore = transaction.objectStore(store);
      for (const row of rows) objectStore.put(row);
    }
    for (const [store, keys] of Object.entries(remove)) {
      const objectStore = transaction.objectStore(store);
      for (const key of keys) objectStore.delete(key);
    }
  });
  if (thrown === undefined) {
    if (expected !== undefined) {
      // A taken seq fails its claim's `add`, and that aborts everything.
      queue(expected, 'add');
    } else {
      // The counter read in this transaction: its seqs are ours (a gap recovery may leave claims above it).
      const counter = transaction.objectStore('meta').get('nextSeq');
      counter.onsuccess = () => {
        const row = counter.result as { value?: unknown } | undefined;
        queue(typeof row?.value === 'number' ? row.value : 1, 'put');
      };
    }
  }
  try {
    await done;
  } catch (error) {
    throw thrown ?? error;
  }
  if (nextSeq !== undefined) rememberNextSeq(db, nextSeq);
  return true;
}

function begin(db: FloorguardDb, write: DirectWrite): IDBTransaction | null {
  if (!db.isOpen()) return null;
  const stores = new Set<string>(['outbox', 'meta', 'seqClaims']);
  for (const store of Object.keys(write.put ?? {})) stores.add(store);
  for (const store of Object.keys(write.delete ?? {})) stores.add(store);
  try {
    return db.backendDB().transaction([...stores], 'readwrite', { durability: 'strict' });
  } catch {
    // Closing (a version change from another window, an update): Dexie's path reopens it or says why it cannot.
    return null;
  }
}

function finished(transaction: IDBTransaction, optimistic: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => {
      const error = transaction.error;
      if (optimistic && error?.name === 'ConstraintError') reject(new OutboxSeqMoved());
      else reject(error ?? new DOMException('The transaction was aborted.', 'AbortError'));
    };
  });
}

/**
 * Tells live queries — in this window and, through Dexie's broadcast, in the others — that these stores changed,
 * as Dexie does after its own transactions. The database runs without Dexie's live-query cache (db.ts), so a query
 * that runs again reads IndexedDB.
 */
function announce(db: FloorguardDb, stores: readonly string[]) {
  const everything = () => new RangeSet(Dexie.minKey, Dexie.maxKey);
  const parts: ObservabilitySet = {};
  for (const store of new Set(stores)) {
    const prefix = `idb://${db.name}/${store}/`;
    parts[prefix] = everything();
    parts[`${prefix}:dels`] = everything();
    for (const index of db.table(store).schema.indexes) parts[`${prefix}${index.name}`] = everything();
  }
  Dexie.on.storagemutated.fire(parts);
}
