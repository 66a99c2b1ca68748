import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentralStatus } from '@shared/ipc/channels/central';
import { openDatabase, type Database } from '../../../server/index';
import {
  ADMIN_TOKEN,
  Seat,
  call,
  callLog,
  createSite,
  startServer,
  type TestServer,
} from '../../server/helpers';
import {
  createCentralApi,
  createCentralService,
  DEVICE_TOKEN,
  fileSecretStore,
  jsonFileEnrollmentBackend,
  memoryEnrollmentBackend,
  memorySecretStore,
} from '../../../src/main/services/central';
import {
  safeStorageSecretStore,
  type SafeStorageLike,
} from '../../../src/main/electron/safe-storage-secrets';
import { notes } from './helpers';

/** The main-process client of the central API against the real server, in-process on PGlite. */
let db: Database;
let server: TestServer;
let url: string;
const extraServers: Server[] = [];

beforeAll(async () => {
  db = await openDatabase();
  server = await startServer(db);
  url = server.url;
});
afterAll(async () => {
  for (const s of extraServers) await new Promise((done) => s.close(done));
  await server.close();
  await db.close();
});

/** A plain HTTP server answering every request with `handler`. */
async function otherServer(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const s = createServer(handler);
  extraServers.push(s);
  await new Promise<void>((done) => s.listen(0, '127.0.0.1', done));
  const address = s.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return `http://127.0.0.1:${address.port}`;
}

function service(dir = mkdtempSync(join(tmpdir(), 'fg-central-'))) {
  const secrets = memorySecretStore();
  const enrollment = jsonFileEnrollmentBackend(join(dir, 'central.json'));
  const central = createCentralService({ api: createCentralApi(), secrets, enrollment });
  const events: CentralStatus[] = [];
  central.onChange((status) => events.push(status));
  return { central, secrets, enrollment, events, dir };
}

async function enrolled() {
  const site = await createSite(url);
  const s = service();
  const result = await s.central.enroll({
    serverUrl: url,
    siteCode: site.code,
    enrollmentKey: site.enrollmentKey,
    deviceName: 'A-12',
  });
  if (!result.ok) throw new Error(`enroll: ${result.message}`);
  return { ...s, site };
}

describe('central client (main)', () => {
  it('enrols: the token goes to the secret store only; the enrolment is persisted and read back', async () => {
    const { central, secrets, events, dir, site } = await enrolled();
    const status = central.status();
    expect(status).toMatchObject({
      state: 'enrolled',
      serverUrl: url,
      siteCode: site.code,
      deviceName: 'A-12',
      deviceId: expect.any(String),
      secrets: { protection: 'memory' },
    });
    const token = secrets.values.get(DEVICE_TOKEN);
    expect(token).toMatch(/^fgd_/);
    expect(JSON.stringify(status)).not.toContain(token);
    expect(JSON.stringify(events)).not.toContain(token);
    expect(readFileSync(join(dir, 'central.json'), 'utf8')).not.toContain(token);
    expect(events.at(-1)?.state).toBe('enrolled');

    // A restart: the same files, a new service.
    const again = createCentralService({
      api: createCentralApi(),
      secrets,
      enrollment: jsonFileEnrollmentBackend(join(dir, 'central.json')),
    });
    expect(again.status()).toEqual({ ...status, health: null });
  });

  it('a wrong key is a typed 401 failure and leaves the seat unenrolled', async () => {
    const site = await createSite(url);
    const { central } = service();
    const result = await central.enroll({
      serverUrl: url,
      siteCode: site.code,
      enrollmentKey: 'fge_wrong',
      deviceName: 'A-12',
    });
    expect(result).toMatchObject({ ok: false, status: 401, error: 'unauthorized' });
    expect(central.status().state).toBe('not-enrolled');
  });

  it('pushes and pulls; a gap and an oversized body come back as typed failures', async () => {
    const { central } = await enrolled();
    const seat = new Seat(url, 'x', 'x', 'epoch-client-test-1');
    const first = seat.upsertCall(callLog());
    expect(await central.push({ epoch: seat.epoch, mutations: [first] })).toEqual({
      ok: true,
      value: { ackedSeq: 1, applied: 1, duplicates: 0, rejected: [] },
    });
    seat.upsertCall(callLog()); // seq 2 never sent
    const gap = await central.push({ epoch: seat.epoch, mutations: [seat.upsertCall(callLog())] });
    expect(gap).toEqual({
      ok: false,
      status: 409,
      error: 'seq_gap',
      message: expect.stringContaining('expected seq 2'),
      ackedSeq: 1,
    });
    const big = seat.upsertCall(callLog({ notes: notes(1.5 * 1024 * 1024) }));
    const tooLarge = await central.push({ epoch: 'epoch-client-test-2', mutations: [{ ...big, seq: 1 }] });
    expect(tooLarge).toMatchObject({ ok: false, status: 413, error: 'payload_too_large' });

    const pulled = await central.pull({ cursor: '' });
    expect(pulled.ok && pulled.value.changes.map((c) => c.entityId)).toEqual([first.entityId]);
    const rejected = await central.rejected();
    expect(rejected).toEqual({ ok: true, value: { rejected: [] } });
    expect(central.status().health).toMatchObject({ reachable: true, status: 200 });
  });

  it('a revoked token surfaces as token-rejected, survives a restart, and a new enrolment clears it', async () => {
    const { central, secrets, events, dir, site } = await enrolled();
    const deviceId = central.status().deviceId ?? '';
    const revoke = await call(url, 'POST', `/v1/admin/devices/${deviceId}/revoke`, { token: ADMIN_TOKEN });
    expect(revoke.status).toBe(200);

    const result = await central.push({ epoch: 'epoch-revoked-1', mutations: [] });
    expect(result).toMatchObject({ ok: false, status: 401, error: 'unauthorized' });
    expect(central.status()).toMatchObject({ state: 'token-rejected', tokenRejectedAt: expect.any(String) });
    expect(events.at(-1)?.state).toBe('token-rejected');

    const restarted = createCentralService({
      api: createCentralApi(),
      secrets,
      enrollment: jsonFileEnrollmentBackend(join(dir, 'central.json')),
    });
    expect(restarted.status().state).toBe('token-rejected');
    const again = await restarted.enroll({
      serverUrl: url,
      siteCode: site.code,
      enrollmentKey: site.enrollmentKey,
      deviceName: 'A-12',
    });
    expect(again).toMatchObject({ ok: true, value: { state: 'enrolled', tokenRejectedAt: null } });
    expect(again.ok && again.value.deviceId).not.toBe(deviceId);
  });

  it('unenrol forgets the token and the enrolment', async () => {
    const { central, secrets } = await enrolled();
    expect(central.unenroll()).toMatchObject({ state: 'not-enrolled', serverUrl: null, deviceId: null });
    expect(secrets.values.has(DEVICE_TOKEN)).toBe(false);
    expect(await central.pull({ cursor: '' })).toMatchObject({ ok: false, status: 0, error: 'not_enrolled' });
  });

  it('health: reachable with latency and clock offset; a closed port is unreachable, not a crash', async () => {
    const { central } = await enrolled();
    const health = await central.health();
    expect(health).toMatchObject({ reachable: true, status: 200, latencyMs: expect.any(Number) });
    expect(Math.abs(health.clockOffsetMs ?? Infinity)).toBeLessThan(2000);

    const closed = await otherServer(() => undefined);
    await new Promise((done) => extraServers.pop()?.close(done));
    expect(await central.health(closed)).toMatchObject({
      reachable: false,
      status: 0,
      message: 'ECONNREFUSED',
    });
  });

  it('times out instead of hanging on a server that never answers', async () => {
    const silent = await otherServer(() => undefined);
    const api = createCentralApi({ shortTimeoutMs: 200, longTimeoutMs: 300 });
    const started = Date.now();
    expect(await api.pull(silent, 'token', '')).toEqual({
      ok: false,
      status: 0,
      error: 'timeout',
      message: 'no answer in time',
    });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await api.health(silent)).toMatchObject({ reachable: false, status: 0 });
  });

  it('an answer that is not the protocol (a proxy page, a redirect) is a typed failure', async () => {
    const proxy = await otherServer((req, res) => {
      if (req.url?.includes('redirect')) {
        res.writeHead(301, { location: 'https://elsewhere.example/' }).end();
      } else if (req.url?.includes('health')) {
        res.writeHead(200, { 'content-type': 'text/html' }).end('<html>captive portal</html>');
      } else {
        res.writeHead(502, { 'content-type': 'text/html' }).end('<html>bad gateway</html>');
      }
    });
    const api = createCentralApi();
    expect(await api.push(proxy, 't', { epoch: 'epoch-12345', mutations: [] })).toEqual({
      ok: false,
      status: 502,
      error: 'unavailable',
      message: 'HTTP 502 from v1/sync/push',
    });
    expect(
      await api.enroll(`${proxy}/redirect`, { siteCode: 'x', enrollmentKey: 'k', deviceName: 'd' }),
    ).toMatchObject({ ok: false, status: 301, error: 'bad_response' });
    expect(await api.rejected(proxy, 't')).toMatchObject({ status: 502 });
  });

  it('keeps a path prefix of the server URL (a reverse proxy) when building endpoints', async () => {
    const seen: string[] = [];
    const proxy = await otherServer((req, res) => {
      seen.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    });
    await createCentralApi().health(`${proxy}/floorguard`);
    expect(seen).toEqual(['/floorguard/v1/health']);
  });
});

describe('secret stores', () => {
  it('the harness file store is readable by its owner only', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'fg-secrets-')), 'secrets.json');
    const store = fileSecretStore(path);
    store.set('a', 'secret-1');
    expect(store.get('a')).toBe('secret-1');
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    store.delete('a');
    expect(store.get('a')).toBeNull();
    expect(store.protection().protection).toBe('unencrypted');
  });

  function fakeSafeStorage(available: boolean, backend = 'gnome_libsecret'): SafeStorageLike {
    return {
      isEncryptionAvailable: () => available,
      encryptString: (text) => Buffer.from(`enc:${[...text].reverse().join('')}`),
      decryptString: (buffer) => [...buffer.toString().slice(4)].reverse().join(''),
      getSelectedStorageBackend: () => backend as ReturnType<SafeStorageLike['getSelectedStorageBackend']>,
    };
  }

  it('safeStorage encrypts when the OS can, and says so when it cannot', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fg-safe-'));
    const encrypted = safeStorageSecretStore(join(dir, 'a.json'), fakeSafeStorage(true));
    encrypted.set(DEVICE_TOKEN, 'fgd_token');
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).not.toContain('fgd_token');
    expect(encrypted.get(DEVICE_TOKEN)).toBe('fgd_token');
    expect(encrypted.protection()).toEqual({ protection: 'os-encrypted' });

    const plain = safeStorageSecretStore(join(dir, 'b.json'), fakeSafeStorage(false));
    plain.set(DEVICE_TOKEN, 'fgd_token');
    expect(plain.get(DEVICE_TOKEN)).toBe('fgd_token');
    expect(plain.protection()).toMatchObject({
      protection: 'unencrypted',
      detail: expect.stringContaining('OS encryption unavailable'),
    });
  });

  it('the status tells the renderer how the token is kept, never the token', async () => {
    const central = createCentralService({
      api: createCentralApi(),
      secrets: fileSecretStore(join(mkdtempSync(join(tmpdir(), 'fg-s-')), 's.json')),
      enrollment: memoryEnrollmentBackend(),
    });
    expect(central.status()).toMatchObject({
      state: 'not-enrolled',
      secrets: { protection: 'unencrypted', detail: expect.stringContaining('harness') },
    });
  });
});
