import { v7 as uuidv7 } from 'uuid';
import { pino } from 'pino';
import { HybridClock } from '@shared/sync/hlc';
import type { Mutation, PullResponse, PushResponse } from '@shared/sync/protocol';
import type { CallLog } from '@shared/calls/schema';
import { buildServer, type BuildServerOptions, type Database } from '../../server/index';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export interface Reply<T = unknown> {
  status: number;
  body: T;
}

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/** The real server, in-process, on 127.0.0.1 and a free port. */
export async function startServer(
  db: Database,
  options: Partial<BuildServerOptions> = {},
): Promise<TestServer> {
  const app = await buildServer({
    db,
    adminToken: ADMIN_TOKEN,
    logger: pino({ level: 'silent' }),
    ...options,
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url, close: () => app.close() };
}

export async function call<T = unknown>(
  url: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${url}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

let siteCounter = 0;
export interface Site {
  code: string;
  enrollmentKey: string;
}

export async function createSite(url: string, code = `site-${process.pid}-${++siteCounter}`): Promise<Site> {
  const reply = await call<{ enrollmentKey: string }>(url, 'POST', '/v1/admin/sites', {
    token: ADMIN_TOKEN,
    body: { code, name: `Test ${code}` },
  });
  if (reply.status !== 201) throw new Error(`create site: ${reply.status} ${JSON.stringify(reply.body)}`);
  return { code, enrollmentKey: reply.body.enrollmentKey };
}

/**
 * A seat as the server sees it: a device token, an epoch, a contiguous seq and an HLC clock that tests can skew.
 * Mutations are built first and pushed separately so tests can replay, reorder or corrupt batches.
 */
const incidentIds = new Map<string, string>();
function incidentIdFor(label: string): string {
  let id = incidentIds.get(label);
  if (!id) {
    id = uuidv7();
    incidentIds.set(label, id);
  }
  return id;
}

export class Seat {
  seq = 0;
  readonly clock: HybridClock;

  constructor(
    readonly url: string,
    readonly deviceId: string,
    readonly token: string,
    public epoch: string,
    now: () => number = Date.now,
  ) {
    this.clock = new HybridClock(deviceId.slice(0, 8), now);
  }

  static async enroll(
    url: string,
    site: Site,
    options: { name?: string; now?: () => number } = {},
  ): Promise<Seat> {
    const reply = await call<{ deviceId: string; token: string }>(url, 'POST', '/v1/devices/enroll', {
      body: { siteCode: site.code, enrollmentKey: site.enrollmentKey, deviceName: options.name ?? 'Seat' },
    });
    if (reply.status !== 201) throw new Error(`enroll: ${reply.status} ${JSON.stringify(reply.body)}`);
    return new Seat(url, reply.body.deviceId, reply.body.token, newEpoch(), options.now);
  }

  upsertCall(data: CallLog): Mutation {
    return {
      id: uuidv7(),
      seq: ++this.seq,
      entity: 'call',
      entityId: data.id,
      op: 'upsert',
      data,
      hlc: this.clock.tick(),
    };
  }

  deleteCall(id: string): Mutation {
    return {
      id: uuidv7(),
      seq: ++this.seq,
      entity: 'call',
      entityId: id,
      op: 'delete',
      data: null,
      hlc: this.clock.tick(),
    };
  }

  /**
   * A note on the incident labelled `label` (each label gets its own incident id; a label with a NUL is used as
   * the id itself, to test envelope validation). `extra.text` overrides the note text (huge or unstorable text).
   */
  appendEvent(label: string, text: string, extra: { text?: string } = {}): Mutation {
    const incidentId = label.includes('\u0000') ? label : incidentIdFor(label);
    const id = uuidv7();
    const hlc = this.clock.tick();
    const at = new Date().toISOString();
    return {
      id: uuidv7(),
      seq: ++this.seq,
      entity: 'incident-event',
      entityId: incidentId,
      op: 'append',
      data: {
        id,
        incidentId,
        type: 'incident.note',
        hlc,
        author: '王芳',
        seat: 'A-12',
        occurredAt: at,
        recordedAt: at,
        payload: { text: extra.text ?? text },
      },
      hlc,
    };
  }

  /** A mutation whose data breaks the entity schema. */
  malformed(): Mutation {
    const id = uuidv7();
    return {
      id: uuidv7(),
      seq: ++this.seq,
      entity: 'call',
      entityId: id,
      op: 'upsert',
      data: { id, agent: 42 },
      hlc: this.clock.tick(),
    };
  }

  push(
    mutations: readonly Mutation[],
    epoch = this.epoch,
  ): Promise<Reply<PushResponse & { ackedSeq: number }>> {
    return call(this.url, 'POST', '/v1/sync/push', { token: this.token, body: { epoch, mutations } });
  }

  pull(cursor = '', limit?: number): Promise<Reply<PullResponse>> {
    const query = `cursor=${cursor}${limit ? `&limit=${limit}` : ''}`;
    return call(this.url, 'GET', `/v1/sync/pull?${query}`, { token: this.token });
  }

  /** Everything the site has, following cursors to the end. */
  async pullAll(): Promise<PullResponse['changes']> {
    const all: PullResponse['changes'] = [];
    let cursor = '';
    for (let page = 0; page < 1000; page++) {
      const reply = await this.pull(cursor, 1000);
      if (reply.status !== 200) throw new Error(`pull: ${reply.status} ${JSON.stringify(reply.body)}`);
      all.push(...reply.body.changes);
      cursor = reply.body.cursor;
      if (!reply.body.hasMore) return all;
    }
    throw new Error('pull did not finish');
  }
}

export const newEpoch = (): string => `epoch-${uuidv7()}`;

export function callLog(overrides: Partial<CallLog> = {}): CallLog {
  return {
    id: uuidv7(),
    createdAt: new Date().toISOString(),
    agent: 'agent-7',
    callerPhone: '+8613812345678',
    problemType: 'login-failure',
    summary: 'Cannot log in to the app',
    ...overrides,
  };
}

/** What a seat ends up with after applying pulled changes by last-writer-wins. */
export function foldRecords(
  changes: PullResponse['changes'],
): Map<string, { hlc: string; data: unknown; deleted: boolean }> {
  const state = new Map<string, { hlc: string; data: unknown; deleted: boolean }>();
  for (const change of changes) {
    if (change.op === 'append') continue;
    const key = `${change.entity}/${change.entityId}`;
    const current = state.get(key);
    if (!current || current.hlc < change.hlc) {
      state.set(key, { hlc: change.hlc, data: change.data, deleted: change.op === 'delete' });
    }
  }
  return state;
}

/** A gate for the push transaction: the first push to reach COMMIT waits there until released. */
export function holdFirstCommit() {
  let held = false;
  let reached: () => void = () => undefined;
  let release: () => void = () => undefined;
  const atCommit = new Promise<void>((resolve) => (reached = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  return {
    hooks: {
      beforeCommit: async () => {
        if (held) return;
        held = true;
        reached();
        await released;
      },
    },
    atCommit,
    release: () => release(),
  };
}

export function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a value');
  return value;
}
