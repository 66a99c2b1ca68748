import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { CallLog } from '@shared/calls/schema';
import type { IncidentEvent } from '@shared/incidents/events';
import type { JournalEntry } from '@shared/journal/schema';
import type { ContactEdit } from '@shared/policy';
import type { MutationOp, SyncEntity } from '@shared/sync/protocol';
import { DB_NAME } from './db-name';
import { MIGRATIONS } from './migrations';

// Dexie turns its debug mode on by the page's address (http://127.0.0.1, http://localhost): every table operation
// then creates a DevTools async task, which captures a stack — in a fresh renderer ~200 ms of reparsing for source
// positions during the start, and part of every save. The harness would run that, Electron (app://) would not. Off
// everywhere, so what is tested and measured is what the seats run; a developer can set `Dexie.debug = true`.
Dexie.debug = false;

/** A change waiting to reach the centre: written in the same transaction as the record itself. */
export interface OutboxEntry {
  seq: number;
  id: string;
  entity: SyncEntity;
  entityId: string;
  op: MutationOp;
  data: unknown;
  hlc: string;
  createdAt: string;
}

/** An outbox seq taken by a transaction (`at`: when, Date.now()): the guard of writes that assume the next seq. */
export interface SeqClaim {
  seq: number;
  at: number;
}

export interface MetaRow {
  key: 'epoch' | 'node' | 'nextSeq' | 'ackedSeq' | 'pullCursor' | 'createdAt' | SyncMetaKey;
  value: string | number;
}

/** Kept by the sync engine: which server/site/device the pull cursor belongs to, and the last good sync. */
export type SyncMetaKey = 'syncIdentity' | 'lastSyncAt';

/** Site configuration published centrally (entity `site-config`), kept for the features that will read it. */
export interface SiteConfigRow {
  /** `policy`, `contacts`, `checklists`. */
  kind: string;
  data: unknown;
  hlc: string;
  receivedAt: string;
}

export interface DraftRow {
  key: string;
  value: unknown;
  updatedAt: string;
}

export interface PendingJournalRow {
  /** `entity:id:hlc` — one row per saved version. */
  key: string;
  entry: JournalEntry;
}

export { DB_NAME };

export class FloorguardDb extends Dexie {
  calls!: EntityTable<CallLog, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  seqClaims!: EntityTable<SeqClaim, 'seq'>;
  meta!: EntityTable<MetaRow, 'key'>;
  drafts!: EntityTable<DraftRow, 'key'>;
  pendingJournal!: EntityTable<PendingJournalRow, 'key'>;
  siteConfig!: EntityTable<SiteConfigRow, 'kind'>;
  /** The incident log: append-only, merged by union with other seats; incident state is derived from it. */
  incidentEvents!: EntityTable<IncidentEvent, 'id'>;
  /** Leads' edits of the contact tree, in force when the policy allows edits (see effectivePolicy). */
  contactEdits!: EntityTable<ContactEdit, 'id'>;

  // Dexie's structural option types (not the DOM's), so Node-typed tests can open the database too.
  constructor(name = DB_NAME, options: Pick<DexieOptions, 'indexedDB' | 'IDBKeyRange'> = {}) {
    // Chromium made relaxed durability the default; a saved call must survive a power cut, so commit strictly.
    // No live-query cache: the call save writes IndexedDB directly (direct-write.ts) and then tells live queries to
    // read again; a cache would answer them with what it held before.
    super(name, { chromeTransactionDurability: 'strict', cache: 'disabled', ...options });
    for (const { version, stores } of MIGRATIONS) this.version(version).stores(stores);
    // A new database is a new epoch: its sequence numbers are never confused with a lost database's.
    this.on('populate', (tx) => {
      const now = new Date().toISOString();
      void tx.table('meta').bulkAdd([
        { key: 'epoch', value: crypto.randomUUID() },
        { key: 'node', value: crypto.randomUUID().slice(0, 8) },
        { key: 'nextSeq', value: 1 },
        { key: 'ackedSeq', value: 0 },
        { key: 'createdAt', value: now },
      ] satisfies MetaRow[]);
    });
  }
}
