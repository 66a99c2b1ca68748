import { z } from 'zod';
import { QueuedTrayAction, TrayAction, TrayMenu, TrayReport } from '../../incidents/tray';

/*
 * Incident and tray channels, spread into `ipcContract` / `ipcEvents` (contract.ts). The incident log itself never
 * crosses IPC: it lives in the renderer's IndexedDB and syncs from there. Main only keeps what the tray needs.
 */

const Empty = z.object({}).strict();
const spec = <Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) => ({
  request,
  response,
});

export const incidentChannels = {
  /** The renderer reports what the tray shows: open incidents, next contact, pending sync, power. */
  'tray:state': spec(TrayReport, Empty),
  /** The menu as main built it (the harness renders it as the tray panel). */
  'tray:menu': spec(Empty, TrayMenu),
  /** A click on a tray item, from the harness's tray panel (Electron's native menu calls the service directly). */
  'tray:activate': spec(z.object({ action: TrayAction }).strict(), z.object({ queued: z.boolean() })),
  /** Tray actions main kept because no renderer had confirmed them yet. */
  'tray:pending': spec(Empty, z.object({ actions: z.array(QueuedTrayAction) })),
  /** The renderer acted on these actions: main forgets them. */
  'tray:ack': spec(
    z
      .object({
        ids: z
          .array(z.uuid({ version: 'v7' }))
          .min(1)
          .max(1000),
      })
      .strict(),
    z.object({ acknowledged: z.number().int().nonnegative() }),
  ),
} as const;

export const incidentEvents = {
  /** A tray action for the renderer to carry out (it is also kept until `tray:ack`). */
  'tray:action': QueuedTrayAction,
  /** The tray menu changed (renderer report, language, network). */
  'tray:changed': TrayMenu,
} as const;
