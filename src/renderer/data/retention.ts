import type { SitePolicy } from '@shared/policy';
import type { FloorguardDb } from './db';

const DAY = 24 * 60 * 60 * 1000;
/** Work still owed on the floor keeps a record on the seat, however old: only finished calls may go. */
const FINISHED = new Set(['entered-in-crm', 'closed']);

/**
 * Retention of synced calls (site policy `retention.purgeSyncedAfterDays`, off by default): removes from this seat
 * the calls that are finished, were acknowledged by the centre more than that many days ago, and have no change
 * waiting in the outbox. The centre keeps them; nothing the centre has not acknowledged is ever removed here.
 * Returns the ids removed.
 */
export async function purgeSyncedCalls(db: FloorguardDb, policy: SitePolicy, now: Date): Promise<string[]> {
  const days = policy.retention.purgeSyncedAfterDays;
  if (days === null) return [];
  const cutoff = new Date(now.getTime() - days * DAY).toISOString();
  return db.transaction('rw', [db.calls, db.outbox], async () => {
    const candidates = await db.calls
      .where('createdAt')
      .below(cutoff)
      .filter((call) => !!call.syncedAt && call.syncedAt < cutoff && FINISHED.has(call.status ?? 'open'))
      .primaryKeys();
    if (candidates.length === 0) return [];
    const pending = new Set(
      (await db.outbox.where('entityId').anyOf(candidates).toArray()).map((m) => m.entityId),
    );
    const purge = candidates.filter((id) => !pending.has(id));
    await db.calls.bulkDelete(purge);
    return purge;
  });
}
