import { v7 as uuidv7 } from 'uuid';
import { CallLog } from '@shared/calls/schema';
import type { JournalEntry } from '@shared/journal/schema';
import type { HybridClock } from '@shared/sync/hlc';
import type { FloorguardDb } from '../../data/db';
import { queueMutations } from '../../data/outbox';

/** Sends saved records to main's journal (the copy outside IndexedDB); resolves once it is fsync'd. */
export type JournalSink = (entries: JournalEntry[]) => Promise<void>;

export interface CallsRepository {
  /** Validates, stamps and stores calls with their outbox mutations in one transaction, then journals them. */
  save(calls: readonly CallLog[], options?: { journal?: boolean }): Promise<SaveResult>;
  get(id: string): Promise<CallLog | undefined>;
  onChange(listener: (ids: string[]) => void): () => void;
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
  const listeners = new Set<(ids: string[]) => void>();
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('floorguard:calls');
  channel?.addEventListener('message', (event: MessageEvent<string[]>) => notify(event.data, false));

  function notify(ids: string[], broadcast: boolean) {
    for (const listener of listeners) listener(ids);
    if (broadcast) channel?.postMessage(ids);
  }

  return {
    async save(input, options = {}) {
      const at = now().toISOString();
      const seat = deps.seat?.();
      const stamped = input.map(({ syncedAt: _synced, ...call }) => {
        // An edit must order after the version it edits, even if this seat's clock is behind the seat that wrote it.
        if (call.hlc) {
          try {
            clock.receive(call.hlc);
          } catch {
            // Too far ahead to adopt: the sync status already tells IT to fix the clock.
          }
        }
        // A changed record is no longer what the centre acknowledged: syncedAt is set again by the next ack.
        return CallLog.parse({
          ...call,
          hlc: clock.tick(),
          updatedAt: at,
          ...(seat ? { updatedBy: seat } : {}),
        });
      });
      // IndexedDB and main's journal are written at the same time and the save is confirmed when both are durable:
      // the agent waits for the slower of the two, not their sum. If IndexedDB fails after the journal took the
      // record, the journal still holds it and restores it at the next start — it errs on the side of keeping.
      const started = performance.now();
      const journaled =
        options.journal === false
          ? Promise.resolve(undefined)
          : deps
              .journal(
                stamped.map((call) => ({ entity: 'call', id: call.id, hlc: call.hlc ?? '', data: call })),
              )
              .then(
                () => {
                  performance.measure('floorguard:save:journal', { start: started });
                  return undefined;
                },
                (error: unknown) => (error instanceof Error ? error.message : String(error)),
              );
      await db.transaction('rw', [db.calls, db.outbox, db.meta], async () => {
        await db.calls.bulkPut(stamped);
        await queueMutations(
          db,
          stamped.map((call) => ({
            id: uuidv7(),
            entity: 'call',
            entityId: call.id,
            op: 'upsert',
            data: call,
            hlc: call.hlc ?? '',
            createdAt: at,
          })),
        );
      });
      performance.measure('floorguard:save:indexeddb', { start: started });
      const journalError = await journaled;
      // The list refreshes after the confirmation, so its rendering never delays the save.
      notify(
        stamped.map((c) => c.id),
        true,
      );
      return journalError ? { saved: stamped, journalError } : { saved: stamped };
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
