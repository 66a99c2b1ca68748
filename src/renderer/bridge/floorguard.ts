import { createIpcClient, type FloorguardApi } from '@shared/ipc/client';
import { SOCKET_PATH } from '@shared/ipc/socket-protocol';
import { createSocketTransport } from './socket-transport';

declare global {
  interface Window {
    /** Set by the preload in Electron; absent in the browser harness. */
    readonly floorguard?: FloorguardApi;
  }
}

let api: FloorguardApi | null = null;

/** The contract client: Electron's preload surface if present, otherwise the harness WebSocket. */
export function floorguard(): FloorguardApi {
  if (api) return api;
  api =
    window.floorguard ??
    createIpcClient(
      createSocketTransport(
        `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${SOCKET_PATH}`,
      ),
    );
  return api;
}
