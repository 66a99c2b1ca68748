import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, createLogger, openDatabase, runMigrations, type Database } from '../../server/index';
import { parseTrustProxy } from '../../server/proxy';
import { ADMIN_TOKEN, Seat, call, callLog, createSite, startServer, type TestServer } from './helpers';

/** Enrolment, admin, OpenAPI, validation strictness, rate limit and logging, on PGlite. */
describe('central API surface', () => {
  let db: Database;
  let server: TestServer;
  let url: string;
  const servers: TestServer[] = [];
  const extra = async (options: Parameters<typeof startServer>[1]) => {
    const started = await startServer(db, options);
    servers.push(started);
    return started.url;
  };

  beforeAll(async () => {
    db = await openDatabase();
    server = await startServer(db);
    url = server.url;
  });
  afterAll(async () => {
    await Promise.all([server, ...servers].map((s) => s.close()));
    await db.close();
  });

  it('migrations are recorded and run once', async () => {
    expect(await db.query('SELECT version FROM schema_migrations ORDER BY version')).toEqual(
      MIGRATIONS.map(({ version }) => ({ version })),
    );
    expect(await runMigrations(db)).toEqual([]);
  });

  it('serves an OpenAPI 3 document of the routes', async () => {
    const reply = await call<{ openapi: string; paths: Record<string, unknown> }>(
      url,
      'GET',
      '/openapi.json',
    );
    expect(reply.status).toBe(200);
    expect(reply.body.openapi).toMatch(/^3\./);
    expect(Object.keys(reply.body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/health',
        '/v1/sync/push',
        '/v1/sync/pull',
        '/v1/devices/enroll',
        '/v1/admin/sites',
      ]),
    );
  });

  it('admin endpoints are disabled (403, with the reason) when no admin token is configured', async () => {
    const noAdmin = await extra({ adminToken: undefined });
    const reply = await call(noAdmin, 'POST', '/v1/admin/sites', {
      token: 'anything',
      body: { code: 'x1', name: 'X' },
    });
    expect(reply).toEqual({
      status: 403,
      body: { error: 'forbidden', message: expect.stringMatching(/FLOORGUARD_ADMIN_TOKEN/) },
    });
  });

  it('a wrong or missing admin token is 401', async () => {
    const body = { code: 'nope-1', name: 'X' };
    expect((await call(url, 'POST', '/v1/admin/sites', { token: 'wrong', body })).status).toBe(401);
    expect((await call(url, 'POST', '/v1/admin/sites', { body })).body).toMatchObject({
      error: 'unauthorized',
    });
  });

  it('creates a site once; a second site with the same code is 409 conflict', async () => {
    const reply = await call(url, 'POST', '/v1/admin/sites', {
      token: ADMIN_TOKEN,
      body: { code: 'dup-1', name: 'Dup' },
    });
    expect(reply).toMatchObject({
      status: 201,
      body: { code: 'dup-1', siteId: expect.any(String), enrollmentKey: expect.any(String) },
    });
    const again = await call(url, 'POST', '/v1/admin/sites', {
      token: ADMIN_TOKEN,
      body: { code: 'dup-1', name: 'Dup' },
    });
    expect(again).toMatchObject({ status: 409, body: { error: 'conflict' } });
  });

  it('enrolment with a wrong key or an unknown site is 401, with the same message', async () => {
    const site = await createSite(url);
    const wrongKey = await call(url, 'POST', '/v1/devices/enroll', {
      body: { siteCode: site.code, enrollmentKey: `${site.enrollmentKey}x`, deviceName: 'Seat' },
    });
    const noSite = await call(url, 'POST', '/v1/devices/enroll', {
      body: { siteCode: 'no-such-site', enrollmentKey: site.enrollmentKey, deviceName: 'Seat' },
    });
    expect(wrongKey).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
    expect(noSite).toEqual(wrongKey);
  });

  it('stores tokens and enrolment keys only as hashes', async () => {
    const site = await createSite(url);
    const seat = await Seat.enroll(url, site);
    const rows = await db.query<{ token_hash: string; enrollment_key_hash: string }>(
      'SELECT d.token_hash, s.enrollment_key_hash FROM devices d JOIN sites s ON s.id = d.site_id WHERE d.id = $1',
      [seat.deviceId],
    );
    expect(rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(seat.token);
    expect(JSON.stringify(rows)).not.toContain(site.enrollmentKey);
  });

  it('revoking an unknown device is 404', async () => {
    expect(await call(url, 'POST', '/v1/admin/devices/nope/revoke', { token: ADMIN_TOKEN })).toMatchObject({
      status: 404,
      body: { error: 'not_found' },
    });
  });

  it('refuses unknown fields and does not coerce "5" into 5', async () => {
    const seat = await Seat.enroll(url, await createSite(url));
    const m = seat.appendEvent('inc-1', 'x');
    expect(await seat.push([{ ...m, extra: true } as typeof m])).toMatchObject({
      status: 400,
      body: { error: 'invalid_request' },
    });
    const stringSeq = await call(url, 'POST', '/v1/sync/push', {
      token: seat.token,
      body: { epoch: seat.epoch, mutations: [{ ...m, seq: '1' }] },
    });
    expect(stringSeq).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    const notJson = await call(url, 'POST', '/v1/sync/push', { token: seat.token, rawBody: '{"epoch":' });
    expect(notJson).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
  });

  it('seat endpoints without a valid token are 401 in the error shape', async () => {
    expect(await call(url, 'GET', '/v1/sync/pull')).toEqual({
      status: 401,
      body: { error: 'unauthorized', message: expect.any(String) },
    });
    expect((await call(url, 'GET', '/v1/sync/pull', { token: 'fgd_forged' })).status).toBe(401);
    expect((await call(url, 'GET', '/v1/nowhere')).body).toMatchObject({ error: 'not_found' });
  });

  it('requests authenticated together each get their own answer: valid, revoked and unknown tokens mixed', async () => {
    const site = await createSite(url);
    const [valid, revoked] = [await Seat.enroll(url, site), await Seat.enroll(url, site)];
    await call(url, 'POST', `/v1/admin/devices/${revoked.deviceId}/revoke`, { token: ADMIN_TOKEN });
    const statuses = await Promise.all([
      valid.pull(),
      revoked.pull(),
      call(url, 'GET', '/v1/sync/pull', { token: 'fgd_forged' }),
      valid.pull(),
      call(url, 'GET', '/v1/sync/pull'),
    ]);
    expect(statuses.map((reply) => reply.status)).toEqual([200, 401, 401, 200, 401]);
  });

  it('rate-limits per device with 429 rate_limited; another device is unaffected', async () => {
    const limited = await extra({ rateLimit: { max: 3, timeWindowMs: 60_000 } });
    const site = await createSite(limited);
    const a = await Seat.enroll(limited, site);
    const b = await Seat.enroll(limited, site);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await a.pull()).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await a.pull()).body).toMatchObject({ error: 'rate_limited' });
    expect((await b.pull()).status).toBe(200);
  });

  it('behind a trusted proxy, the rate limit before enrolment is per client address, not per proxy', async () => {
    const enrolFrom = (base: string, client: string) =>
      fetch(`${base}/v1/devices/enroll`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
        body: JSON.stringify({ siteCode: 'no-such-site', enrollmentKey: 'x', deviceName: 'Seat' }),
      }).then((reply) => reply.status);
    const limit = { max: 2, timeWindowMs: 60_000 };
    const proxied = await extra({ rateLimit: limit, trustProxy: parseTrustProxy('1') });
    const direct = await extra({ rateLimit: limit });
    const statuses = async (base: string) => [
      await enrolFrom(base, '198.51.100.1'),
      await enrolFrom(base, '198.51.100.1'),
      await enrolFrom(base, '198.51.100.1'),
      await enrolFrom(base, '198.51.100.2'),
    ];
    expect(await statuses(proxied)).toEqual([401, 401, 429, 401]);
    // Without trust the header is ignored: every request comes from the proxy's address, one bucket for all.
    expect(await statuses(direct)).toEqual([401, 401, 429, 429]);
  });

  it('--trust-proxy accepts true, false, a hop count or addresses, and refuses anything else', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy('10.0.0.0/8, 127.0.0.1')).toEqual(['10.0.0.0/8', '127.0.0.1']);
    const hops = parseTrustProxy('2');
    expect(typeof hops === 'function' && [hops('a', 0), hops('a', 1), hops('a', 2)]).toEqual([
      true,
      true,
      false,
    ]);
    expect(() => parseTrustProxy('lb.internal')).toThrow(/not an address/);
  });

  it('logs carry no personal data and no secrets', async () => {
    let logs = '';
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs += chunk.toString('utf8');
        done();
      },
    });
    const logged = await extra({ logger: createLogger('debug', sink) });
    const site = await createSite(logged);
    const seat = await Seat.enroll(logged, site, { name: 'Seat of Wang Fang' });
    const record = callLog({
      callerPhone: '+8613800138000',
      callerName: 'Li Lei',
      summary: 'lost card, very upset',
    });
    await seat.push([
      seat.upsertCall(record),
      { ...seat.malformed(), data: { id: 'x', callerPhone: '+8613800138000' } },
    ]);
    await seat.pullAll();
    expect(logs).toContain('"msg":"push"');
    for (const secret of [
      '+8613800138000',
      'Li Lei',
      'lost card',
      'Wang Fang',
      seat.token,
      site.enrollmentKey,
      ADMIN_TOKEN,
    ]) {
      expect(logs).not.toContain(secret);
    }
  });
});
