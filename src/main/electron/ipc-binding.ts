import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CHANNELS, type EventName, type EventPayload } from '@shared/ipc/contract';
import type { Dispatch } from '@shared/ipc/dispatcher';
import { EVENT_CHANNEL } from '@shared/ipc/electron-channels';
import { fail } from '@shared/ipc/result';

/**
 * Registers every contract channel on ipcMain. A call is answered only when it comes from the top frame of our
 * own page (no sub-frames, no foreign origins); the request is parsed by the contract before any service sees it.
 */
export function bindIpcMain(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  dispatch: Dispatch,
  isTrustedUrl: (url: string) => boolean,
): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, request: unknown) => {
      const frame = event.senderFrame;
      if (!frame || frame.parent !== null || !isTrustedUrl(frame.url)) {
        return fail('forbidden', `IPC from an untrusted frame refused: ${frame?.url ?? 'unknown'}`);
      }
      return dispatch(channel, request);
    });
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}

export function sendEvent<E extends EventName>(
  target: WebContents,
  event: E,
  payload: EventPayload<E>,
): void {
  if (!target.isDestroyed()) target.send(EVENT_CHANNEL, event, payload);
}
