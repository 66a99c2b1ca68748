import { v7 as uuidv7 } from 'uuid';
import {
  IncidentEvent,
  INCIDENT_EVENT_PAYLOADS,
  type IncidentEventType,
  type PayloadOf,
} from '@shared/incidents/events';
import type { JournalEntry } from '@shared/journal/schema';
import type { HybridClock } from '@shared/sync/hlc';
import type { FloorguardDb } from '../../data/db';
import { queueMutations } from '../../data/outbox';

export type JournalSink = (entries: JournalEntry[]) => Promise<void>;

export interface AppendOptions {
  /** A given event id makes the write idempotent: a tray action replayed after a crash is not recorded twice. */
  id?: string;
  /** When it happened on the floor, if earlier than now (a tray click delivered late). */
  occurredAt?: Date;
}

export interface AppendResult {
  event: IncidentEvent;
  /** False when an event with this id was already stored (nothing was written). */
  written: boolean;
  /** IndexedDB has the event but main's journal copy failed: the user is told, nothing is lost. */
  journalError?: string;
}

export interface IncidentsRepository {
  append<T extends IncidentEventType>(
    incidentId: string,
    type: T,
    payload: PayloadOf<T>,
    options?: AppendOptions,
  ): Promise<AppendResult>;
  /** A new incident id (UUIDv7), made on this seat. */
  newIncidentId(at?: Date): string;
  /** Writes events the journal has and IndexedDB lost (with their outbox mutation); returns how many. */
  restore(events: readonly IncidentEvent[]): Promise<number>;
}

/**
 * The incident log on this seat. Each event is validated, stamped (id, hlc, author, seat, times) and written with
 * its outbox mutation in one transaction — never one without the other — then copied to main's journal.
 */
export function createIncidentsRepository(deps: {
  db: FloorguardDb;
  clock: HybridClock;
  journal?: JournalSink;
  author: () => string;
  seat: () => string;
  now?: () => Date;
}): IncidentsRepository {
  const { db, clock } = deps;
  const now = deps.now ?? (() => new Date());

  async function store(events: readonly IncidentEvent[]): Promise<IncidentEvent[]> {
    const at = now().toISOString();
    return db.transaction('rw', [db.incidentEvents, db.outbox, db.meta, db.seqClaims], async () => {
      const existing = await db.incidentEvents.bulkGet(events.map((e) => e.id));
      const fresh = events.filter((_, i) => existing[i] === undefined);
      if (!fresh.length) return [];
      await db.incidentEvents.bulkAdd(fresh);
      await queueMutations(
        db,
        fresh.map((event) => ({
          // The event's own id: the centre de-duplicates appends by mutation id, so a re-sent event counts once.
          id: event.id,
          entity: 'incident-event',
          entityId: event.incidentId,
          op: 'append',
          data: event,
          hlc: event.hlc,
          createdAt: at,
        })),
      );
      return fresh;
    });
  }

  async function journal(events: readonly IncidentEvent[]): Promise<string | undefined> {
    if (!deps.journal || !events.length) return undefined;
    try {
      await deps.journal(events.map((e) => ({ entity: 'incident-event', id: e.id, hlc: e.hlc, data: e })));
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  return {
    async append(incidentId, type, payload, options = {}) {
      const recordedAt = now();
      const occurredAt = options.occurredAt ?? recordedAt;
      // Validate the payload on its own first, so the error names the field the user got wrong.
      const checked = INCIDENT_EVENT_PAYLOADS[type].parse(payload);
      // After everything this incident already holds, even from a seat whose clock is far ahead of this one:
      // the incident's state is folded in HLC order.
      const latest = await db.incidentEvents
        .where('incidentId')
        .equals(incidentId)
        .toArray((rows) =>
          rows.reduce<string | undefined>((max, e) => (max && max > e.hlc ? max : e.hlc), undefined),
        );
      const event = IncidentEvent.parse({
        id: options.id ?? uuidv7({ msecs: recordedAt.getTime() }),
        incidentId,
        type,
        hlc: clock.tickAfter(latest),
        author: deps.author(),
        seat: deps.seat(),
        occurredAt: occurredAt.toISOString(),
        recordedAt: recordedAt.toISOString(),
        payload: checked,
      });
      const written = await store([event]);
      if (!written.length) {
        return { event: (await db.incidentEvents.get(event.id)) ?? event, written: false };
      }
      const journalError = await journal(written);
      return { event, written: true, ...(journalError ? { journalError } : {}) };
    },
    newIncidentId: (at = now()) => uuidv7({ msecs: at.getTime() }),
    async restore(events) {
      // Already in the journal: stored as they were (same id and hlc), not journalled again.
      return (await store(events)).length;
    },
  };
}
