import { CallLog } from '@shared/calls/schema';
import { ContactEdit } from '@shared/policy';
import type { HybridClock } from '@shared/sync/hlc';
import { SITE_CONFIG_ENTITY, type Change } from '@shared/sync/protocol';
import type { FloorguardDb } from '../data/db';

/** An incident event as stored locally: what arrived, with its id, incident and hlc made explicit. */
export interface StoredIncidentEvent {
  id: string;
  incidentId: string;
  hlc: string;
  [field: string]: unknown;
}

export interface ApplyReport {
  /** Calls written (new or newer than the local version) or deleted. */
  calls: number;
  /** Their ids, for the views that must re-read them. */
  callIds: string[];
  /** Calls left alone because the local version is as new or newer. */
  keptLocal: number;
  events: number;
  configs: number;
  /** Contact-tree edits written (newer than the local one). */
  contacts: number;
  /** Changes of an entity this version does not know, or whose data did not parse: left at the centre. */
  ignored: number;
  /** Remote HLCs the seat clock refused to follow (more than 36 h ahead of this seat's clock). */
  clockAhead: string[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The local row of a pulled incident event: stored as it arrived (the incidents feature owns its shape), with
 * `syncedAt` added as for calls.
 */
export function incidentEventRow(change: Change): StoredIncidentEvent | null {
  if (!isObject(change.data)) return null;
  const data = change.data;
  const id = typeof data['id'] === 'string' ? data['id'] : `${change.entityId}:${change.hlc}`;
  const incidentId = typeof data['incidentId'] === 'string' ? data['incidentId'] : change.entityId;
  const hlc = typeof data['hlc'] === 'string' ? data['hlc'] : change.hlc;
  return { ...data, id, incidentId, hlc };
}

const withSyncedAt = (row: StoredIncidentEvent, syncedAt: string): StoredIncidentEvent =>
  typeof row['syncedAt'] === 'string' ? row : { ...row, syncedAt };

/**
 * Applies one pulled page and advances the pull cursor in the SAME transaction, so a crash never skips a page nor
 * applies one twice in a way that matters (every rule here is idempotent anyway):
 * - `call`: last writer wins by HLC per record. A local version with an equal or newer HLC is never overwritten, and
 *   the outbox is not touched (a pending local edit still goes out; the centre orders it by HLC too).
 * - `incident-event`: union by event id; an event already here is left as it is.
 * - `site-config`: kept per kind, newest HLC wins, for the features that will read it.
 * - `contact`: a lead's contact-tree edit, last writer wins by HLC per person.
 * The seat clock follows the remote HLCs so later local edits order after them; a clock too far ahead is refused
 * by the clock, reported, and the change is kept all the same.
 */
export async function applyRemoteChanges(
  db: FloorguardDb,
  clock: HybridClock,
  changes: readonly Change[],
  nextCursor: string,
  now: () => Date = () => new Date(),
): Promise<ApplyReport> {
  const report: ApplyReport = {
    calls: 0,
    callIds: [],
    keptLocal: 0,
    events: 0,
    configs: 0,
    contacts: 0,
    ignored: 0,
    clockAhead: [],
  };
  for (const change of changes) {
    try {
      clock.receive(change.hlc);
    } catch {
      report.clockAhead.push(change.hlc);
    }
  }

  // Within a page only the newest change per record can matter.
  const calls = new Map<string, Change>();
  const events: StoredIncidentEvent[] = [];
  const configs = new Map<string, Change>();
  const contacts = new Map<string, ContactEdit>();
  for (const change of changes) {
    if (change.entity === 'call' && change.op !== 'append') {
      const seen = calls.get(change.entityId);
      if (!seen || seen.hlc < change.hlc) calls.set(change.entityId, change);
    } else if (change.entity === 'incident-event' && change.op === 'append') {
      const row = incidentEventRow(change);
      if (row) events.push(row);
      else report.ignored++;
    } else if (change.entity === 'contact' && change.op === 'upsert') {
      const parsed = ContactEdit.safeParse({
        ...(isObject(change.data) ? change.data : {}),
        hlc: change.hlc,
      });
      const seen = contacts.get(change.entityId);
      if (!parsed.success || parsed.data.id !== change.entityId) report.ignored++;
      else if (!seen || seen.hlc < parsed.data.hlc) contacts.set(change.entityId, parsed.data);
    } else if (change.entity === SITE_CONFIG_ENTITY && change.op === 'upsert') {
      const seen = configs.get(change.entityId);
      if (!seen || seen.hlc < change.hlc) configs.set(change.entityId, change);
    } else {
      report.ignored++;
    }
  }

  const receivedAt = now().toISOString();
  const eventsTable = db.table<StoredIncidentEvent, string>('incidentEvents');
  await db.transaction('rw', [db.calls, eventsTable, db.siteConfig, db.contactEdits, db.meta], async () => {
    const ids = [...calls.keys()];
    const local = await db.calls.bulkGet(ids);
    const puts: CallLog[] = [];
    const deletes: string[] = [];
    ids.forEach((id, index) => {
      const change = calls.get(id);
      if (!change) return;
      const mine = local[index];
      if (mine && (mine.hlc ?? '') >= change.hlc) {
        report.keptLocal++;
        return;
      }
      if (change.op === 'delete') {
        if (mine) deletes.push(id);
        return;
      }
      // The centre checked it against the same schema; a record that no longer parses (a newer seat's field) stays
      // at the centre rather than breaking this seat's list.
      const parsed = CallLog.safeParse({ ...(isObject(change.data) ? change.data : {}), hlc: change.hlc });
      if (!parsed.success || parsed.data.id !== id) {
        report.ignored++;
        return;
      }
      puts.push({ ...parsed.data, syncedAt: receivedAt });
    });
    if (puts.length) await db.calls.bulkPut(puts);
    if (deletes.length) await db.calls.bulkDelete(deletes);
    report.calls = puts.length + deletes.length;
    report.callIds = [...puts.map((c) => c.id), ...deletes];

    if (events.length) {
      const unique = [...new Map(events.map((e) => [e.id, e])).values()];
      const present = await eventsTable.bulkGet(unique.map((e) => e.id));
      const fresh = unique.filter((_, index) => !present[index]);
      // It came from the centre, so the centre has it.
      if (fresh.length) await eventsTable.bulkAdd(fresh.map((e) => withSyncedAt(e, receivedAt)));
      report.events = fresh.length;
    }

    for (const [kind, change] of configs) {
      const current = await db.siteConfig.get(kind);
      if (current && current.hlc >= change.hlc) continue;
      await db.siteConfig.put({ kind, data: change.data, hlc: change.hlc, receivedAt });
      report.configs++;
    }

    if (contacts.size) {
      const ids = [...contacts.keys()];
      const local = await db.contactEdits.bulkGet(ids);
      const newer = ids.flatMap((id, index) => {
        const remote = contacts.get(id);
        const mine = local[index];
        return remote && (!mine || mine.hlc < remote.hlc) ? [{ ...remote, syncedAt: receivedAt }] : [];
      });
      if (newer.length) await db.contactEdits.bulkPut(newer);
      report.contacts = newer.length;
    }

    await db.meta.put({ key: 'pullCursor', value: nextCursor });
  });
  return report;
}
