import type { Channel } from '@shared/ipc/contract';
import type { IpcTransport } from '@shared/ipc/client';
import { SocketToClient } from '@shared/ipc/socket-protocol';

/**
 * The harness's stand-in for Electron IPC: one WebSocket, requests matched to replies by id, reconnecting
 * if the harness restarts. Calls made while disconnected wait for the socket instead of failing.
 */
export function createSocketTransport(url: string, options: { timeoutMs?: number } = {}): IpcTransport {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const listeners = new Set<(event: string, payload: unknown) => void>();
  const queue: string[] = [];
  let nextId = 1;
  let socket: WebSocket | null = null;
  let retryMs = 250;

  function connect(): void {
    const ws = new WebSocket(url);
    socket = ws;
    ws.addEventListener('open', () => {
      retryMs = 250;
      for (const frame of queue.splice(0)) ws.send(frame);
    });
    ws.addEventListener('message', (message) => {
      const parsed = SocketToClient.safeParse(JSON.parse(String(message.data)));
      if (!parsed.success) return;
      const frame = parsed.data;
      if (frame.type === 'result') {
        pending.get(frame.id)?.resolve(frame.result);
        pending.delete(frame.id);
      } else {
        for (const listener of listeners) listener(frame.event, frame.payload);
      }
    });
    ws.addEventListener('close', () => {
      socket = null;
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    });
  }
  connect();

  return {
    invoke(channel: Channel, request: unknown) {
      const id = nextId++;
      const frame = JSON.stringify({ type: 'invoke', id, channel, request });
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`No reply on ${channel} within ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(id, {
          resolve: (value) => {
            clearTimeout(timer);
            resolve(value);
          },
          reject,
        });
        if (socket?.readyState === WebSocket.OPEN) socket.send(frame);
        else queue.push(frame);
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
