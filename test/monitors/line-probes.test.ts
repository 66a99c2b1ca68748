import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LineConfig } from '@shared/monitors/config';
import { probeLine } from '../../src/main/services/lines/probes';
import { buildSipOptions, parseSipResponse } from '../../src/main/services/lines/probes/sip-message';
import { findBinary, freePort, startChild, stopChild, waitFor } from './helpers/peers';
import { freeUdpPort, udpPeer } from './helpers/sip';

const line = (probe: LineConfig['probe'], target: string): LineConfig => ({
  name: `${probe} ${target}`,
  probe,
  target,
});

describe('TCP probe (real local server)', () => {
  let server: TcpServer;
  let port: number;
  beforeAll(async () => {
    server = createTcpServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('is up when the handshake completes, with a latency', async () => {
    const result = await probeLine(line('tcp', `127.0.0.1:${port}`), 2000);
    expect(result.result).toBe('up');
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('is down on a closed port, and on a target without a port', async () => {
    const closed = await freePort();
    expect(await probeLine(line('tcp', `127.0.0.1:${closed}`), 2000)).toMatchObject({
      result: 'down',
      latencyMs: null,
      detail: 'TCP ECONNREFUSED',
    });
    expect((await probeLine(line('tcp', '127.0.0.1'), 2000)).detail).toMatch(/needs a port/);
  });
});

describe('HTTP probe (real local server)', () => {
  let server: HttpServer;
  let base: string;
  beforeAll(async () => {
    server = createHttpServer((request, response) => {
      if (request.url === '/hang') return; // never answers
      response.statusCode = request.url === '/broken' ? 503 : request.url === '/moved' ? 302 : 200;
      response.end('body that nobody reads');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('any response is reachable; a redirect is not followed', async () => {
    expect(await probeLine(line('http', `${base}/ok`), 2000)).toMatchObject({
      result: 'up',
      detail: 'HTTP 200',
    });
    expect(await probeLine(line('http', `${base}/moved`), 2000)).toMatchObject({
      result: 'up',
      detail: 'HTTP 302',
    });
  });

  it('a 5xx is degraded: reachable, but the service is failing', async () => {
    const result = await probeLine(line('http', `${base}/broken`), 2000);
    expect(result).toMatchObject({ result: 'degraded', detail: 'HTTP 503' });
    expect(result.latencyMs).not.toBeNull();
  });

  it('a silent server is down after the timeout; a closed port is down at once', async () => {
    const started = Date.now();
    expect(await probeLine(line('http', `${base}/hang`), 400)).toMatchObject({
      result: 'down',
      detail: 'no HTTP answer in 400 ms',
    });
    expect(Date.now() - started).toBeLessThan(2000);
    const closed = await freePort();
    expect(await probeLine(line('http', `http://127.0.0.1:${closed}/`), 2000)).toMatchObject({
      result: 'down',
      detail: 'HTTP ECONNREFUSED',
    });
  });
});

describe('DNS probe (node:dns, the system resolver)', () => {
  it('resolves localhost', async () => {
    const result = await probeLine(line('dns', 'localhost'), 2000);
    expect(result.result).toBe('up');
    expect(result.detail).toMatch(/127\.0\.0\.1|::1/);
  });

  it('a name that cannot exist is down (RFC 6761 .invalid)', async () => {
    expect((await probeLine(line('dns', 'floorguard-probe.invalid'), 2000)).result).toBe('down');
  });
});

describe('SIP OPTIONS probe (real UDP)', () => {
  it('sends a well-formed OPTIONS and counts the 200 as up', async () => {
    const peer = await udpPeer({ status: '200 OK' });
    try {
      const result = await probeLine(line('sip-options', `127.0.0.1:${peer.port}`), 2000);
      expect(result).toMatchObject({ result: 'up', detail: 'SIP 200 OK' });
      const request = peer.received[0] ?? '';
      const [requestLine, ...headers] = request.split('\r\n');
      expect(requestLine).toBe(`OPTIONS sip:127.0.0.1:${peer.port} SIP/2.0`);
      const header = (name: string) => headers.find((h) => h.startsWith(`${name}:`)) ?? '';
      expect(header('Via')).toMatch(/^Via: SIP\/2\.0\/UDP 127\.0\.0\.1:\d+;branch=z9hG4bK[0-9a-f]+;rport$/);
      expect(header('From')).toMatch(/;tag=[0-9a-f]+$/);
      expect(header('To')).toBe(`To: <sip:127.0.0.1:${peer.port}>`);
      expect(header('Call-ID')).toMatch(/^Call-ID: [0-9a-f]+@127\.0\.0\.1$/);
      expect(header('CSeq')).toBe('CSeq: 1 OPTIONS');
      expect(header('Max-Forwards')).toBe('Max-Forwards: 70');
      expect(header('Contact')).toMatch(/^Contact: <sip:floorguard@127\.0\.0\.1:\d+>$/);
      expect(header('Content-Length')).toBe('Content-Length: 0');
      expect(request.endsWith('\r\n\r\n')).toBe(true);
    } finally {
      await peer.close();
    }
  });

  it('any SIP response is reachable (a 404 from a proxy that does not know us)', async () => {
    const peer = await udpPeer({ status: '404 Not Found' });
    try {
      expect(await probeLine(line('sip-options', `127.0.0.1:${peer.port}`), 2000)).toMatchObject({
        result: 'up',
        detail: 'SIP 404 Not Found',
      });
    } finally {
      await peer.close();
    }
  });

  it('retransmits on UDP loss (RFC 3261 timer T1) and still gets through', async () => {
    const peer = await udpPeer({ status: '200 OK', dropFirst: 1 });
    try {
      expect((await probeLine(line('sip-options', `127.0.0.1:${peer.port}`), 2000)).result).toBe('up');
      expect(peer.received.length).toBe(2);
      // Same transaction: the retransmission is byte-identical.
      expect(peer.received[1]).toBe(peer.received[0]);
    } finally {
      await peer.close();
    }
  });

  it('a silent UDP port is down after the timeout; a closed one is down at once', async () => {
    const silent = await udpPeer();
    try {
      expect(await probeLine(line('sip-options', `127.0.0.1:${silent.port}`), 700)).toMatchObject({
        result: 'down',
        detail: 'no SIP answer in 700 ms',
      });
      expect(silent.received.length).toBeGreaterThanOrEqual(2); // sent, then retransmitted at T1
    } finally {
      await silent.close();
    }
    const closed = await freeUdpPort();
    expect((await probeLine(line('sip-options', `127.0.0.1:${closed}`), 2000)).result).toBe('down');
  });

  it('ignores datagrams that are not a response to its own request', () => {
    const ids = { branch: 'z9hG4bKabc', tag: 't', callId: 'c0ffee' };
    expect(parseSipResponse('SIP/2.0 200 OK\r\nCall-ID: c0ffee@10.0.0.1\r\n\r\n', ids)).toEqual({
      status: 200,
      reason: 'OK',
    });
    expect(parseSipResponse('SIP/2.0 200 OK\r\ni: c0ffee@10.0.0.1\r\n\r\n', ids)?.status).toBe(200);
    expect(parseSipResponse('SIP/2.0 200 OK\r\nCall-ID: other@10.0.0.1\r\n\r\n', ids)).toBeNull();
    expect(parseSipResponse('OPTIONS sip:x SIP/2.0\r\nCall-ID: c0ffee@10.0.0.1\r\n\r\n', ids)).toBeNull();
    expect(
      buildSipOptions({ targetHost: '::1', targetPort: 5060, localHost: '::1', localPort: 4000, ids }).split(
        '\r\n',
      )[0],
    ).toBe('OPTIONS sip:[::1]:5060 SIP/2.0');
  });
});

const SIPP = findBinary(['/usr/bin/sipp', '/usr/local/bin/sipp']);
if (!SIPP)
  console.log('skipped: sipp (sip-tester) not installed; the own UDP responder tests above still ran');

describe.skipIf(!SIPP)('SIP OPTIONS probe against sipp (a real SIP stack)', () => {
  it('sipp uas with -aa answers our OPTIONS', async () => {
    const port = await freeUdpPort();
    // -aa: answer out-of-dialog OPTIONS automatically; -nostdin: no terminal here.
    const sipp = startChild(SIPP as string, [
      '-sn',
      'uas',
      '-aa',
      '-i',
      '127.0.0.1',
      '-p',
      String(port),
      '-nostdin',
    ]);
    try {
      // sipp needs a moment to bind (until then the port refuses); bounded retries.
      const result = await waitFor(`sipp to answer (${sipp.output()})`, async () => {
        const probe = await probeLine(line('sip-options', `127.0.0.1:${port}`), 1000);
        return probe.result === 'up' ? probe : undefined;
      });
      expect(result).toMatchObject({ result: 'up', detail: 'SIP 200 OK' });
    } finally {
      await stopChild(sipp.child);
    }
  });
});
