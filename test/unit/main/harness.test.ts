import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startHarness, type Harness } from '../../../src/harness/host';
import { createHarnessServices } from '../../../src/harness/services';

let harness: Harness | null = null;
let dispose: (() => void) | null = null;

async function start() {
  const created = await createHarnessServices(mkdtempSync(join(tmpdir(), 'fg-harness-')));
  dispose = created.dispose;
  harness = await startHarness({ services: created.services, control: created.control });
  return harness;
}

afterEach(async () => {
  await harness?.close();
  dispose?.();
  harness = null;
});

function connect(url: string, origin: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url.replace('http', 'ws') + 'ipc', { origin });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function call(ws: WebSocket, frame: object): Promise<unknown> {
  return new Promise((resolve) => {
    ws.once('message', (data) => resolve(JSON.parse(String(data))));
    ws.send(JSON.stringify(frame));
  });
}

describe('browser harness', () => {
  it('binds to loopback only', async () => {
    const { url, server } = await start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('serves the contract over its WebSocket with the same validation as Electron', async () => {
    const { url } = await start();
    const ws = await connect(url, url.slice(0, -1));
    await expect(call(ws, { type: 'invoke', id: 1, channel: 'settings:get', request: {} })).resolves.toEqual({
      type: 'result',
      id: 1,
      result: { ok: true, value: { locale: 'zh-CN', agentName: '', seatName: '' } },
    });
    const refused = (await call(ws, {
      type: 'invoke',
      id: 2,
      channel: 'settings:update',
      request: { locale: 1 },
    })) as {
      result: { ok: boolean; error: { code: string } };
    };
    expect(refused.result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    ws.close();
  });

  it('refuses WebSocket connections from other origins', async () => {
    const { url } = await start();
    await expect(connect(url, 'https://evil.example')).rejects.toThrow();
  });
});
