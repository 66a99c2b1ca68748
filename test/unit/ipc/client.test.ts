import { describe, expect, it } from 'vitest';
import { createIpcClient, type IpcTransport } from '@shared/ipc/client';
import { createDispatcher } from '@shared/ipc/dispatcher';
import { DEFAULT_SEAT_SETTINGS, type SeatSettings } from '@shared/settings/schema';
import { stubHandlers } from './stub-handlers';

function fakeTransport(reply: (channel: string, request: unknown) => unknown) {
  const sent: { channel: string; request: unknown }[] = [];
  let emit: (event: string, payload: unknown) => void = () => undefined;
  const transport: IpcTransport = {
    invoke: async (channel, request) => {
      sent.push({ channel, request });
      return reply(channel, request);
    },
    subscribe(listener) {
      emit = listener;
      return () => {
        emit = () => undefined;
      };
    },
  };
  return { transport, sent, emit: (event: string, payload: unknown) => emit(event, payload) };
}

describe('IPC client', () => {
  it('rejects an invalid request locally with a typed error and sends nothing', async () => {
    const { transport, sent } = fakeTransport(() => ({ ok: true, value: DEFAULT_SEAT_SETTINGS }));
    const client = createIpcClient(transport);
    const result = await client.invoke('settings:update', { agentName: 'x'.repeat(65) });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(sent).toEqual([]);
  });

  it('round-trips through a dispatcher like the real bindings do', async () => {
    let stored: SeatSettings = DEFAULT_SEAT_SETTINGS;
    const dispatch = createDispatcher(
      stubHandlers({
        'settings:get': () => stored,
        'settings:update': (patch) => (stored = { ...stored, ...patch }),
      }),
    );
    const { transport } = fakeTransport((channel, request) => dispatch(channel, request));
    const client = createIpcClient(transport);
    await client.invoke('settings:update', { agentName: '李娜' });
    await expect(client.invoke('settings:get', {})).resolves.toEqual({
      ok: true,
      value: { ...DEFAULT_SEAT_SETTINGS, agentName: '李娜' },
    });
  });

  it('refuses malformed and contract-breaking replies', async () => {
    const client = createIpcClient(fakeTransport(() => 'garbage').transport);
    await expect(client.invoke('settings:get', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_response' },
    });
    const lying = createIpcClient(fakeTransport(() => ({ ok: true, value: { locale: 'xx' } })).transport);
    await expect(lying.invoke('settings:get', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_response' },
    });
  });

  it('reports a transport failure as unavailable', async () => {
    const client = createIpcClient({
      invoke: () => Promise.reject(new Error('socket closed')),
      subscribe: () => () => undefined,
    });
    await expect(client.invoke('network:status', {})).resolves.toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'socket closed' },
    });
  });

  it('delivers only events that match their schema', async () => {
    const fake = fakeTransport(() => null);
    const client = createIpcClient(fake.transport);
    const seen: boolean[] = [];
    const off = client.on('network:changed', (status) => seen.push(status.online));
    fake.emit('network:changed', { online: false, checkedAt: new Date(0).toISOString() });
    fake.emit('network:changed', { online: 'no' });
    fake.emit('unknown:event', { online: true });
    off();
    fake.emit('network:changed', { online: true, checkedAt: new Date(0).toISOString() });
    expect(seen).toEqual([false]);
  });
});
