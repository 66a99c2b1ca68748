import { liveQuery } from 'dexie';
import type { FloorguardApi } from '@shared/ipc/client';
import type { CentralFailure, CentralStatus } from '@shared/ipc/channels/central';
import type { RequestOf } from '@shared/ipc/contract';
import { JournalRef } from '@shared/journal/schema';
import type { HybridClock } from '@shared/sync/hlc';
import { MAX_BATCH, type Mutation } from '@shared/sync/protocol';
import type { FloorguardDb, OutboxEntry } from '../data/db';
import { applyRemoteChanges, type StoredIncidentEvent } from './apply-remote';
import { backoffDelay } from './backoff';
import { pruneClaims } from '../data/outbox';
import { recoverFromGap } from './recover-gap';
import { INITIAL_SYNC_STATUS, type SyncError, type SyncNotice, type SyncStatus } from './status';

/** The name every window's engine locks, so that one syncer runs at a time across windows. */
export const SYNC_LOCK = 'floorguard-sync';

/**
 * Runs `work` holding the named lock, or answers `busy` at once when another holder has it. In the renderer this is
 * `navigator.locks.request(name, { ifAvailable: true }, …)`; tests pass an in-memory lock.
 */
export type WithLock = <T>(name: string, work: () => Promise<T>) => Promise<T | 'busy'>;

export type RoundOutcome =
  | { kind: 'ok'; pushed: number; pulled: number }
  | { kind: 'busy' | 'offline' | 'not-enrolled' }
  | { kind: 'retry' | 'stopped'; error: SyncError };

export interface SyncEngineOptions {
  db: FloorguardDb;
  clock: HybridClock;
  /** The contract client: `central:*` for the centre (through main, which holds the token), `journal:acknowledge`. */
  api: Pick<FloorguardApi, 'invoke'>;
  withLock: WithLock;
  /** Whether this machine believes it is online (the browser and main); no attempt is made while it is not. */
  isOnline?: () => boolean;
  now?: () => Date;
  random?: () => number;
  /** First push batch size (halved on 413, grown back after successes). */
  batchSize?: number;
  pullLimit?: number;
  /** Pause between rounds when all is well (to pull other seats' changes). */
  pollMs?: number;
  /** Pause between a local write and its push, so a burst of saves goes in one batch. */
  debounceMs?: number;
  /** Calls this engine changed (pulled from other seats, or marked synced): views that cache rows re-read them. */
  onCallsChanged?: (ids: string[]) => void;
}

export interface SyncEngine {
  /** Starts the loop (first round at once) and follows the outbox for new writes. */
  start(): void;
  stop(): void;
  /** "Sync now": clears a stop, resets the backoff, runs a round and resolves with its outcome. */
  syncNow(): Promise<RoundOutcome>;
  /** An immediate attempt because something changed (network back, enrolled); ignored while stopped on an error
   * unless `clearStop` (a new enrolment makes a stop on 401 moot). */
  kick(options?: { clearStop?: boolean }): void;
  status(): SyncStatus;
  subscribe(listener: (status: SyncStatus) => void): () => void;
}

/** A failure the round cannot get past; `stop` says whether retrying on its own could ever help. */
class RoundFailure extends Error {
  constructor(readonly error: SyncError) {
    super(error.detail);
  }
}

const MAX_NOTICES = 10;
const JOURNAL_ACK_CHUNK = 10_000;

/**
 * The seat's sync engine: plain TypeScript over Dexie, no React. One round = push the outbox in batches (each
 * acknowledged batch leaves the outbox, marks its records `syncedAt` and lets main prune its journal), then pull and
 * apply other seats' changes. Failures back off exponentially with jitter (1 s → 60 s); a failure that retrying
 * cannot fix (revoked token, a refused request, one change too large for the server) stops the loop with the reason
 * until someone acts. Nothing pending is ever dropped.
 */
export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { db, clock, api, withLock } = options;
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const isOnline = options.isOnline ?? (() => true);
  const pullLimit = options.pullLimit ?? 500;
  const pollMs = options.pollMs ?? 30_000;
  const debounceMs = options.debounceMs ?? 300;
  let batchSize = Math.min(options.batchSize ?? MAX_BATCH, MAX_BATCH);

  let state: SyncStatus = { ...INITIAL_SYNC_STATUS };
  const listeners = new Set<(status: SyncStatus) => void>();
  let running: Promise<RoundOutcome> | null = null;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let started = false;
  let stoppedOnError = false;
  let attempt = 0;
  let unwatch: (() => void) | null = null;

  function update(patch: Partial<SyncStatus>): void {
    state = { ...state, ...patch };
    for (const listener of listeners) listener(state);
  }

  function notice(kind: SyncNotice['kind'], count: number, detail: string): void {
    update({
      notices: [{ kind, at: now().toISOString(), count, detail }, ...state.notices].slice(0, MAX_NOTICES),
    });
  }

  const failure = (
    code: SyncError['code'],
    detail: string,
    stopped: boolean,
    status?: number,
  ): RoundFailure =>
    new RoundFailure({ code, detail, stopped, at: now().toISOString(), ...(status ? { status } : {}) });

  /** Whether a failure of the centre is worth retrying on its own. 409/413/429 are handled or waited out. */
  function fromCentral(result: CentralFailure): RoundFailure {
    const { status, error, message } = result;
    const permanent =
      status === 401 || (status >= 400 && status < 500 && status !== 409 && status !== 413 && status !== 429);
    return failure(error, message, permanent, status || undefined);
  }

  async function invoke<C extends 'central:push' | 'central:pull' | 'central:status'>(
    channel: C,
    request: RequestOf<C>,
  ) {
    const result = await api.invoke(channel, request);
    if (!result.ok) {
      // A request this seat built and its own contract refused: retrying sends the same thing again.
      const stop = result.error.code === 'invalid_request';
      throw failure(stop ? 'invalid_request' : 'ipc', result.error.message, stop);
    }
    return result.value;
  }

  async function metaNumber(key: 'ackedSeq' | 'nextSeq'): Promise<number> {
    return Number((await db.meta.get(key))?.value ?? 0);
  }

  const toMutation = (entry: OutboxEntry): Mutation => ({
    id: entry.id,
    seq: entry.seq,
    entity: entry.entity,
    entityId: entry.entityId,
    op: entry.op,
    data: entry.data ?? null,
    hlc: entry.hlc,
  });

  /**
   * The centre holds everything up to `ackedSeq`: tell main's journal, then clear the outbox and mark the records
   * (`syncedAt` on calls and incident events).
   */
  async function acknowledge(ackedSeq: number, batch: readonly OutboxEntry[]): Promise<number> {
    const acked = batch.filter((m) => m.seq <= ackedSeq);
    const refs: JournalRef[] = [];
    for (const m of acked) {
      const id = m.entity === 'call' ? m.entityId : (m.data as { id?: unknown } | null)?.id;
      const ref = JournalRef.safeParse({ entity: m.entity, id, hlc: m.hlc });
      if (ref.success) refs.push(ref.data);
    }
    // Best effort: a journal that is not told only keeps its copy longer; the centre already has the data.
    for (let i = 0; i < refs.length; i += JOURNAL_ACK_CHUNK) {
      const result = await api
        .invoke('journal:acknowledge', { refs: refs.slice(i, i + JOURNAL_ACK_CHUNK) })
        .catch((error: unknown) => ({ ok: false as const, error: { message: String(error) } }));
      if (!result.ok) {
        notice('journal-ack', refs.length, result.error.message);
        break;
      }
    }
    const syncedAt = now().toISOString();
    let changedCalls: string[] = [];
    const eventsTable = db.table<StoredIncidentEvent, string>('incidentEvents');
    await db.transaction('rw', [db.outbox, db.meta, db.seqClaims, db.calls, eventsTable], async () => {
      await db.outbox.where('seq').belowOrEqual(ackedSeq).delete();
      await pruneClaims(db, ackedSeq, now().getTime());
      if (ackedSeq > (await metaNumber('ackedSeq'))) await db.meta.put({ key: 'ackedSeq', value: ackedSeq });
      const calls = acked.filter((m) => m.entity === 'call' && m.op === 'upsert');
      const current = await db.calls.bulkGet(calls.map((m) => m.entityId));
      // Only the version the centre now has is "synced": a record edited again since stays unsynced.
      const synced = current.filter((call, index) => call && call.hlc === calls[index]?.hlc);
      for (const call of synced) if (call) await db.calls.update(call.id, { syncedAt });
      changedCalls = synced.flatMap((call) => (call ? [call.id] : []));
      // Events never change: the acknowledged one is the stored one.
      const eventIds = acked.flatMap((m) => {
        const id = m.entity === 'incident-event' ? (m.data as { id?: unknown } | null)?.id : undefined;
        return typeof id === 'string' ? [id] : [];
      });
      for (const event of await eventsTable.bulkGet(eventIds)) {
        if (event && !event['syncedAt']) await eventsTable.update(event.id, { syncedAt });
      }
    });
    if (changedCalls.length) options.onCallsChanged?.(changedCalls);
    return acked.length;
  }

  async function pushAll(): Promise<number> {
    let done = 0;
    let total = await db.outbox.count();
    let recovered = false;
    for (;;) {
      const batch = await db.outbox.orderBy('seq').limit(batchSize).toArray();
      if (batch.length === 0) break;
      update({ phase: 'pushing', progress: { stage: 'push', done, total } });
      const epoch = String((await db.meta.get('epoch'))?.value ?? '');
      const result = await invoke('central:push', { epoch, mutations: batch.map(toMutation) });
      if (result.ok) {
        done += await acknowledge(result.value.ackedSeq, batch);
        total = done + (await db.outbox.count());
        if (result.value.rejected.length) {
          notice(
            'rejected',
            result.value.rejected.length,
            result.value.rejected.map((r) => `${r.id}: ${r.error}`).join('; '),
          );
        }
        // Grow back after a 413 made batches small: most records are small.
        batchSize = Math.min(MAX_BATCH, batchSize * 2);
        continue;
      }
      if (result.status === 413 || result.error === 'payload_too_large') {
        if (batch.length > 1) {
          batchSize = Math.max(1, Math.floor(batch.length / 2));
          continue;
        }
        const only = batch[0];
        throw failure(
          'too_large',
          `${only?.entity} ${only?.entityId} (seq ${only?.seq}) is larger than the server accepts in one request`,
          true,
          413,
        );
      }
      if (result.error === 'seq_gap' && !recovered) {
        recovered = true;
        const recovery = await recoverFromGap(db, result.ackedSeq ?? 0, now);
        notice(
          'gap-recovered',
          recovery.resent + recovery.pending,
          `server holds seq ${recovery.serverAckedSeq}, this seat had ${recovery.localAckedSeq} acknowledged: ` +
            `${recovery.resent} records re-queued, ${recovery.pending} pending kept`,
        );
        total = done + (await db.outbox.count());
        continue;
      }
      throw fromCentral(result);
    }
    return done;
  }

  async function pullAll(): Promise<number> {
    let pulled = 0;
    for (;;) {
      update({ phase: 'pulling', progress: { stage: 'pull', done: pulled, total: null } });
      const cursor = String((await db.meta.get('pullCursor'))?.value ?? '');
      const result = await invoke('central:pull', { cursor, limit: pullLimit });
      if (!result.ok) throw fromCentral(result);
      const page = result.value;
      const report = await applyRemoteChanges(db, clock, page.changes, page.cursor, now);
      pulled += page.changes.length;
      if (report.callIds.length) options.onCallsChanged?.(report.callIds);
      if (report.clockAhead.length) {
        notice(
          'clock-ahead',
          report.clockAhead.length,
          `this seat's clock is more than 36 h behind changes from the centre (first: ${report.clockAhead[0]})`,
        );
      }
      if (!page.hasMore || page.changes.length === 0) return pulled;
    }
  }

  /** A new server, site or device: the pull cursor belonged to the old one, so pull from the start again. */
  async function followIdentity(central: CentralStatus): Promise<void> {
    const identity = `${central.serverUrl}|${central.siteCode}|${central.deviceId}`;
    if ((await db.meta.get('syncIdentity'))?.value === identity) return;
    await db.meta.bulkPut([
      { key: 'syncIdentity', value: identity },
      { key: 'pullCursor', value: '' },
    ]);
  }

  async function round(manual: boolean): Promise<RoundOutcome> {
    if (!isOnline()) {
      update({ phase: 'offline', progress: null });
      return { kind: 'offline' };
    }
    const attemptAt = now().toISOString();
    try {
      const central = await invoke('central:status', {});
      if (central.state === 'not-enrolled') {
        update({ phase: 'not-enrolled', progress: null, error: null });
        return { kind: 'not-enrolled' };
      }
      if (central.state === 'token-rejected' && !manual) {
        throw failure('unauthorized', `device token rejected at ${central.tokenRejectedAt}`, true, 401);
      }
      const outcome = await withLock(SYNC_LOCK, async () => {
        update({ lastAttemptAt: attemptAt });
        await followIdentity(central);
        const pushed = await pushAll();
        const pulled = await pullAll();
        return { pushed, pulled };
      });
      if (outcome === 'busy') return { kind: 'busy' };
      const at = now().toISOString();
      await db.meta.put({ key: 'lastSyncAt', value: at });
      update({ phase: 'idle', progress: null, error: null, lastSuccessAt: at });
      return { kind: 'ok', ...outcome };
    } catch (thrown) {
      const error =
        thrown instanceof RoundFailure
          ? thrown.error
          : {
              code: 'local' as const,
              detail: thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown),
              at: now().toISOString(),
              stopped: false,
            };
      update({ phase: error.stopped ? 'stopped' : 'waiting', progress: null, error });
      return { kind: error.stopped ? 'stopped' : 'retry', error };
    }
  }

  function schedule(delayMs: number): void {
    if (!started) return;
    clearTimeout(timer);
    update({ nextAttemptAt: new Date(now().getTime() + delayMs).toISOString() });
    timer = setTimeout(() => void run(false), delayMs);
  }

  function run(manual: boolean): Promise<RoundOutcome> {
    if (running) {
      again = true;
      return running;
    }
    clearTimeout(timer);
    update({ nextAttemptAt: null });
    running = round(manual).then((outcome) => {
      running = null;
      if (outcome.kind === 'ok') attempt = 0;
      if (outcome.kind === 'retry') attempt++;
      stoppedOnError = outcome.kind === 'stopped';
      if (stoppedOnError) again = false;
      if (again) {
        again = false;
        schedule(0);
      } else if (outcome.kind === 'retry') {
        schedule(backoffDelay(attempt, random));
      } else if (!stoppedOnError) {
        schedule(pollMs);
      }
      return outcome;
    });
    return running;
  }

  return {
    start() {
      if (started) return;
      started = true;
      void db.meta.get('lastSyncAt').then((row) => {
        if (row && !state.lastSuccessAt) update({ lastSuccessAt: String(row.value) });
      });
      // The outbox count is the pending figure, and a rise in it (a save, in any window) is a reason to push soon.
      const subscription = liveQuery(() => db.outbox.count()).subscribe({
        next: (pending) => {
          const rose = pending > state.pending;
          update({ pending });
          if (rose && !stoppedOnError && attempt === 0 && !running) schedule(debounceMs);
        },
        error: () => undefined,
      });
      unwatch = () => subscription.unsubscribe();
      schedule(0);
    },
    stop() {
      started = false;
      clearTimeout(timer);
      unwatch?.();
      unwatch = null;
    },
    syncNow() {
      stoppedOnError = false;
      attempt = 0;
      return run(true);
    },
    kick(kickOptions = {}) {
      if (stoppedOnError && !kickOptions.clearStop) return;
      stoppedOnError = false;
      attempt = 0;
      if (running) again = true;
      else schedule(0);
    },
    status: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
