import { createContext, useContext } from 'react';
import type { FloorguardApi } from '@shared/ipc/client';
import { HybridClock } from '@shared/sync/hlc';
import { createCallsRepository, type CallsRepository } from '../features/calls/calls-repository';
import { createJournalSink } from '../features/calls/journal-sink';
import { FloorguardDb } from './db';

/** The seat's local data: the Dexie database, its clock, and the repositories over it. */
export interface LocalStore {
  db: FloorguardDb;
  clock: HybridClock;
  calls: CallsRepository;
  journal: ReturnType<typeof createJournalSink>;
  epoch: string;
}

/** `db`: an instance the caller already reads from (Dexie opens it on first use); a new one otherwise. */
export async function openLocalStore(
  api: FloorguardApi,
  seat: () => string,
  db = new FloorguardDb(),
): Promise<LocalStore> {
  await db.open();
  const [epochRow, nodeRow] = await Promise.all([db.meta.get('epoch'), db.meta.get('node')]);
  const epoch = String(epochRow?.value ?? '');
  const node = String(nodeRow?.value ?? crypto.randomUUID().slice(0, 8));
  const clock = new HybridClock(node);
  const journal = createJournalSink(api, db);
  const calls = createCallsRepository({ db, clock, seat, journal: journal.append });
  return { db, clock, calls, journal, epoch };
}

export const LocalStoreContext = createContext<LocalStore | null>(null);

export function useLocalStore(): LocalStore {
  const store = useContext(LocalStoreContext);
  if (!store) throw new Error('useLocalStore outside LocalStoreContext');
  return store;
}
