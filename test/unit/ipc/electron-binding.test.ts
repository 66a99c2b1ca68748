import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '@shared/ipc/contract';
import { bindIpcMain } from '../../../src/main/electron/ipc-binding';

// Electron is replaced by a recording ipcMain; the binding's own rules are what is under test.
type Handler = (event: IpcMainInvokeEvent, request: unknown) => unknown;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle: (channel: string, handler: Handler) => void handlers.set(channel, handler),
    removeHandler: (channel: string) => void handlers.delete(channel),
  };
}

function event(url: string, parent: object | null = null): IpcMainInvokeEvent {
  return { senderFrame: { url, parent } } as unknown as IpcMainInvokeEvent;
}

describe('Electron IPC binding', () => {
  const trusted = (url: string) => url === 'file:///app/out/renderer/index.html';

  it('registers exactly the contract channels and removes them again', () => {
    const ipc = fakeIpcMain();
    const unbind = bindIpcMain(ipc, async () => ({ ok: true, value: null }), trusted);
    expect([...ipc.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    unbind();
    expect(ipc.handlers.size).toBe(0);
  });

  it('dispatches calls from the top frame of our page', async () => {
    const ipc = fakeIpcMain();
    const calls: unknown[] = [];
    bindIpcMain(
      ipc,
      async (channel, request) => {
        calls.push([channel, request]);
        return { ok: true, value: 'ok' };
      },
      trusted,
    );
    const result = await ipc.handlers.get('settings:get')?.(event('file:///app/out/renderer/index.html'), {});
    expect(result).toEqual({ ok: true, value: 'ok' });
    expect(calls).toEqual([['settings:get', {}]]);
  });

  it('refuses foreign origins and sub-frames without dispatching', async () => {
    const ipc = fakeIpcMain();
    let dispatched = 0;
    bindIpcMain(
      ipc,
      async () => {
        dispatched++;
        return { ok: true, value: null };
      },
      trusted,
    );
    const handler = ipc.handlers.get('settings:update');
    expect(await handler?.(event('https://evil.example/'), {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const subFrame = event('file:///app/out/renderer/index.html', {
      url: 'file:///app/out/renderer/index.html',
    });
    expect(await handler?.(subFrame, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatched).toBe(0);
  });
});
