import { v7 as uuidv7 } from 'uuid';
import { CallLog } from '@shared/calls/schema';
import type { JournalEntry } from '@shared/journal/schema';
import type { SitePolicy } from '@shared/policy';
import type { HybridClock } from '@shared/sync/hlc';
import type { FloorguardDb } from '../../data/db';
import { writeDirect } from '../../data/direct-write';
import { OutboxSeqMoved, callUpserts, queueMutations } from '../../data/outbox';
import { purgeSyncedCalls } from '../../data/retention';

/** Sends saved records to main's journal (the copy outside IndexedDB); resolves once it is fsync'd. */
export type JournalSink = (entries: JournalEntry[]) => Promise<void>;

export interface CallsRepository {
  /** Validates, stamps and stores calls with their outbox mutations in one transaction, then journals them. */
  save(calls: readonly CallLog[], options?: SaveOptions): Promise<SaveResult>;
  /** Retention (site policy, off by default): removes finished calls the centre has long had; returns their ids. */
  purgeSynced(policy: SitePolicy): Promise<string[]>;
  get(id: string): Promise<CallLog | undefined>;
  /** Calls changed, here (`rows`: as saved) or elsewhere (ids only: re-read them; a missing one was deleted). */
  onChange(listener: (ids: string[], rows?: readonly CallLog[]) => void): () => void;
}

export interface SaveOptions {
  /** false: the records came from the journal (a restore), so they are not written to it again. */
  journal?: boolean;
  /** A form draft (its `drafts` key) removed in the same transaction: saved and no longer a draft, atomically. */
  clearDraft?: string;
}

export interface SaveResult {
  saved: CallLog[];
  /** Set when IndexedDB has the records but the journal copy failed: the agent is told, nothing is lost. */
  journalError?: string;
}

export function createCallsRepository(deps: {
  db: FloorguardDb;
  clock: HybridClock;
  journal: JournalSink;
  seat?: () => string;
  now?: () => Date;
}): CallsRepository {
  const { db, clock } = deps;
  const now = deps.now ?? (() => new Date());
  const listeners = new Set<(ids: string[], rows?: readonly CallLog[]) => void>();
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('floorguard:calls');
  channel?.addEventListener('message', (event: MessageEvent<string[]>) => notify(event.data, false));

  function notify(ids: string[], broadcast: boolean, rows?: readonly CallLog[]) {
    for (const listener of listeners) listener(ids, rows);
    if (broadcast) channel?.postMessage(ids);
  }

  /** The same write through Dexie, which opens the database first when it is not open yet. */
  async function writeThroughDexie(
    calls: readonly CallLog[],
    mutations: ReturnType<typeof callUpserts>,
    clearDraft: string | undefined,
  ) {
    const stores = [db.calls, db.outbox, db.meta, db.seqClaims, ...(clearDraft ? [db.drafts] : [])];
    const write = (optimistic: boolean) =>
      db.transaction('rw', stores, async () => {
        await Promise.all([
          db.calls.bulkPut(calls),
          queueMutations(db, mutations, { optimistic }),
          clearDraft ? db.drafts.delete(clearDraft) : undefined,
        ]);
      });
    await write(true).catch((error: unknown) => {
      // Another window took the seq this one expected: nothing was written; again, reading the counter first.
      if (error instanceof OutboxSeqMoved) return write(false);
      throw error;
    });
  }

  return {
    async save(input, options = {}) {
      const at = now().toISOString();
      const seat = deps.seat?.();
      const stamped = input.map(({ syncedAt: _synced, ...call }) =>
        // An edit orders after the version it edits, even when this seat's clock is behind the seat that wrote it or
        // that version is too far ahead to adopt. A changed record is no longer what the centre acknowledged:
        // syncedAt is set again by the next ack.
        CallLog.parse({
          ...call,
          hlc: clock.tickAfter(call.hlc),
          updatedAt: at,
          ...(seat ? { updatedBy: seat } : {}),
        }),
      );
      // IndexedDB and main's journal are written at the same time and the save is confirmed when both are durable:
      // the agent waits for the slower of the two, not their sum. If IndexedDB fails after the journal took the
      // record, the journal still holds it and restores it at the next start — it errs on the side of keeping.
      // The journal's promise is made first, but its frame is built and sent in a microtask: after writeDirect has
      // issued the transaction's requests (synchronously), so IndexedDB works while the frame is validated and sent.
      const started = performance.now();
      const journaled =
        options.journal === false
          ? Promise.resolve(undefined)
          : Promise.resolve()
              .then(() =>
                deps.journal(
                  stamped.map((call) => ({ entity: 'call', id: call.id, hlc: call.hlc ?? '', data: call })),
                ),
              )
              .then(
                () => {
                  performance.measure('floorguard:save:journal', { start: started });
                  return undefined;
                },
                (error: unknown) => (error instanceof Error ? error.message : String(error)),
              );
      const mutations = callUpserts(stamped, at);
      const committed = writeDirect(
        db,
        {
          put: { calls: stamped },
          ...(options.clearDraft ? { delete: { drafts: [options.clearDraft] } } : {}),
          mutations,
        },
        // Live queries (the pending count, …) read again once the agent has the confirmation, not while it waits.
        { announceAfter: journaled },
      )
        .then((written) => (written ? undefined : writeThroughDexie(stamped, mutations, options.clearDraft)))
        .then(() => void performance.measure('floorguard:save:indexeddb', { start: started }));
      await committed;
      const journalError = await journaled;
      // The list refreshes after the caller has confirmed the save, so its rendering never delays the confirmation.
      const ids = stamped.map((c) => c.id);
      setTimeout(() => notify(ids, true, stamped), 0);
      return journalError ? { saved: stamped, journalError } : { saved: stamped };
    },
    async purgeSynced(policy) {
      const ids = await purgeSyncedCalls(db, policy, now());
      // Every window drops them from its list (this one included): ids without rows mean "re-read", and gone.
      if (ids.length) notify(ids, true);
      return ids;
    },
    get: (id) => db.calls.get(id),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** A new, empty call with its client-made identity. */
export function newCallIdentity(now: Date = new Date()): Pick<CallLog, 'id' | 'createdAt'> {
  return { id: uuidv7({ msecs: now.getTime() }), createdAt: now.toISOString() };
}
