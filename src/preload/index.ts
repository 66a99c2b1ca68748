import { contextBridge, ipcRenderer } from 'electron';
import { createIpcClient, type FloorguardApi } from '@shared/ipc/client';
import { EVENT_CHANNEL } from '@shared/ipc/electron-channels';

/**
 * The one surface the page gets: the typed contract client, nothing else (never raw ipcRenderer).
 * Requests are checked here before they cross, and replies and events when they come back.
 */
const api = createIpcClient({
  invoke: (channel, request) => ipcRenderer.invoke(channel, request),
  subscribe(listener) {
    const onEvent = (_: unknown, event: unknown, payload: unknown) => {
      if (typeof event === 'string') listener(event, payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, onEvent);
    return () => ipcRenderer.off(EVENT_CHANNEL, onEvent);
  },
}) satisfies FloorguardApi;

contextBridge.exposeInMainWorld('floorguard', {
  invoke: api.invoke,
  on: api.on,
} satisfies FloorguardApi);
