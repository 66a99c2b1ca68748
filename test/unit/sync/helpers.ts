import { pino } from 'pino';
import { CallLog } from '@shared/calls/schema';
import { v7 as uuidv7 } from 'uuid';
import { createIpcClient, type FloorguardApi } from '@shared/ipc/client';
import { createDispatcher, type Handlers } from '@shared/ipc/dispatcher';
import type { JournalRef } from '@shared/journal/schema';
import { HybridClock } from '@shared/sync/hlc';
import { buildServer, type Database } from '../../../server/index';
import { ADMIN_TOKEN, createSite, type Site } from '../../server/helpers';
import {
  createCentralApi,
  createCentralService,
  memoryEnrollmentBackend,
  memorySecretStore,
  type CentralService,
} from '../../../src/main/services/central';
import { FloorguardDb } from '../../../src/renderer/data/db';
import { callUpserts, queueMutations } from '../../../src/renderer/data/outbox';
import { createSyncEngine, type SyncEngine, type WithLock } from '../../../src/renderer/sync/engine';

/** Notes adding up to about `bytes` of JSON: a call-sheet entry that grew far past what one request may carry. */
export function notes(bytes: number): { at: string; agent: string; text: string }[] {
  const text = 'x'.repeat(3900);
  return Array.from({ length: Math.ceil(bytes / 3950) }, () => ({
    at: new Date().toISOString(),
    agent: 'a',
    text,
  }));
}

export const DAY = 24 * 60 * 60 * 1000;

/** The real server, in-process on 127.0.0.1 and a free port, with a request log for assertions. */
export async function startLoggedServer(db: Database) {
  const app = await buildServer({
    db,
    adminToken: ADMIN_TOKEN,
    logger: pino({ level: 'silent' }),
    rateLimit: false,
  });
  /** Every push as the server saw it: how many mutations (null when the body was refused unread), bytes, status. */
  const pushes: { mutations: number | null; bytes: number; status: number }[] = [];
  app.addHook('onResponse', async (request, reply) => {
    if (request.url !== '/v1/sync/push') return;
    const body = request.body as { mutations?: unknown[] } | undefined;
    pushes.push({
      mutations: body?.mutations?.length ?? null,
      bytes: Number(request.headers['content-length'] ?? 0),
      status: reply.statusCode,
    });
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url, pushes, close: () => app.close() };
}

/** A simple lock with `navigator.locks`' ifAvailable semantics, shared by the "windows" of one seat. */
export function memoryLock(): WithLock {
  const held = new Set<string>();
  return async (name, work) => {
    if (held.has(name)) return 'busy';
    held.add(name);
    try {
      return await work();
    } finally {
      held.delete(name);
    }
  };
}

export interface TestSeat {
  name: string;
  db: FloorguardDb;
  clock: HybridClock;
  /** Saves calls as the call sheet's repository does: stamped, with their outbox mutations, in one transaction. */
  save(calls: readonly CallLog[]): Promise<CallLog[]>;
  central: CentralService;
  api: FloorguardApi;
  engine: SyncEngine;
  /** Refs main's journal was told are at the centre. */
  journalAcks: JournalRef[];
  /** Rewrites what main answers on a channel (to lose an ack, to fail a push…). */
  intercept: (fn: Interceptor | null) => void;
  /** Saves new calls in batches of up to 200, as the call sheet would. */
  logCalls(count: number, extra?: Partial<CallLog>): Promise<CallLog[]>;
}

export type Interceptor = (
  channel: string,
  request: unknown,
  forward: () => Promise<unknown>,
) => Promise<unknown>;

/**
 * A seat as the renderer sees it: its own IndexedDB (fake-indexeddb), clock and call repository, and main's central
 * service behind the real dispatcher and contract client (so every message is validated as in the app).
 */
export async function createSeat(
  url: string,
  site: Site | null,
  options: {
    name?: string;
    now?: () => number;
    lock?: WithLock;
    /** Another window of the same seat: the same database and the same main process. */
    db?: FloorguardDb;
    central?: CentralService;
    batchSize?: number;
  } = {},
): Promise<TestSeat> {
  const name = options.name ?? 'seat';
  const now = options.now ?? Date.now;
  const db = options.db ?? new FloorguardDb(`test-sync-${crypto.randomUUID()}`);
  await db.open();
  const node = String((await db.meta.get('node'))?.value);
  const clock = new HybridClock(node, now);
  // The same steps as src/renderer/features/calls/calls-repository.ts (which needs DOM types this Node test lacks).
  const save = async (input: readonly CallLog[]): Promise<CallLog[]> => {
    const at = new Date(now()).toISOString();
    const stamped = input.map((call) =>
      CallLog.parse({ ...call, hlc: clock.tick(), updatedAt: at, updatedBy: name }),
    );
    await db.transaction('rw', [db.calls, db.outbox, db.meta, db.seqClaims], async () => {
      await db.calls.bulkPut(stamped);
      await queueMutations(db, callUpserts(stamped, at));
    });
    return stamped;
  };
  const central =
    options.central ??
    createCentralService({
      api: createCentralApi(),
      secrets: memorySecretStore(),
      enrollment: memoryEnrollmentBackend(),
      now: () => new Date(now()),
    });
  const journalAcks: JournalRef[] = [];
  const handlers: Partial<Handlers> = {
    'central:status': () => central.status(),
    'central:enroll': (request) => central.enroll(request),
    'central:unenroll': () => central.unenroll(),
    'central:push': (request) => central.push(request),
    'central:pull': (request) => central.pull(request),
    'central:rejected': ({ limit }) => central.rejected(limit),
    'central:health': ({ serverUrl }) => central.health(serverUrl),
    'journal:acknowledge': ({ refs }) => {
      journalAcks.push(...refs);
      return { acknowledged: refs.length };
    },
  };
  // Only the channels the engine uses are bound; any other would answer `internal`.
  const dispatch = createDispatcher(handlers as Handlers);
  let interceptor: Interceptor | null = null;
  const api = createIpcClient({
    invoke: (channel, request) =>
      interceptor
        ? interceptor(channel, request, () => dispatch(channel, request))
        : dispatch(channel, request),
    subscribe: () => () => undefined,
  });
  if (site) {
    const enrolled = await central.enroll({
      serverUrl: url,
      siteCode: site.code,
      enrollmentKey: site.enrollmentKey,
      deviceName: name,
    });
    if (!enrolled.ok) throw new Error(`enroll: ${enrolled.message}`);
  }
  const engine = createSyncEngine({
    db,
    clock,
    api,
    withLock: options.lock ?? memoryLock(),
    now: () => new Date(now()),
    random: () => 0.5,
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
  });
  return {
    name,
    db,
    clock,
    save,
    central,
    api,
    engine,
    journalAcks,
    intercept: (fn) => {
      interceptor = fn;
    },
    async logCalls(count, extra = {}) {
      const saved: CallLog[] = [];
      for (let i = 0; i < count; i += 200) {
        const chunk = Array.from({ length: Math.min(200, count - i) }, (_, j) => ({
          id: uuidv7({ msecs: now() }),
          createdAt: new Date(now()).toISOString(),
          agent: name,
          callerPhone: '+8613812345678',
          problemType: 'login-failure',
          summary: `call ${i + j}`,
          ...extra,
        }));
        saved.push(...(await save(chunk)));
      }
      return saved;
    },
  };
}

export { createSite, ADMIN_TOKEN };
