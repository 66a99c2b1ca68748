import { z } from 'zod';
import { centralChannels, centralEvents } from './channels/central';
import { JournalEntry, JournalRef, MAX_JOURNAL_BATCH } from '../journal/schema';
import { incidentChannels, incidentEvents } from './channels/incidents';
import { SitePolicy } from '../policy';
import { monitorChannels, monitorEvents } from './channels/monitors';
import { reportChannels } from './channels/reports';
import { SeatSettings, SeatSettingsPatch } from '../settings/schema';

/**
 * The one IPC contract between the renderer and the main process.
 * Channel names are `domain:verb`; every request and response is a zod schema checked on arrival,
 * in the Electron binding, in the browser harness binding, and again by the client on the way back.
 */
function channel<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) {
  return { request, response };
}

const Empty = z.object({}).strict();

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  /** `electron` in the desktop app, `harness` in the browser harness. */
  host: z.enum(['electron', 'harness']),
  platform: z.string(),
  userDataDir: z.string(),
  /** The system-wide new-call key (Electron only): the policy's accelerator and whether this seat holds it. */
  newCallShortcut: z
    .object({ accelerator: z.string().nullable(), state: z.enum(['off', 'registered', 'taken']) })
    .optional(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const NetworkStatus = z.object({
  online: z.boolean(),
  checkedAt: z.iso.datetime(),
});
export type NetworkStatus = z.infer<typeof NetworkStatus>;

export const PolicyState = z.object({
  policy: SitePolicy,
  path: z.string(),
  found: z.boolean(),
  lockedPaths: z.array(z.string()),
  errors: z.array(z.object({ path: z.string(), message: z.string() })),
});
export type PolicyState = z.infer<typeof PolicyState>;

export const ipcContract = {
  'app:info': channel(Empty, AppInfo),
  'settings:get': channel(Empty, SeatSettings),
  'settings:update': channel(SeatSettingsPatch, SeatSettings),
  'network:status': channel(Empty, NetworkStatus),
  'policy:get': channel(Empty, PolicyState),
  'journal:append': channel(
    z.object({ entries: z.array(JournalEntry).min(1).max(MAX_JOURNAL_BATCH) }).strict(),
    z.object({ appended: z.number().int().nonnegative(), file: z.string() }),
  ),
  'journal:unacknowledged': channel(Empty, z.object({ entries: z.array(JournalEntry) })),
  'journal:acknowledge': channel(
    z.object({ refs: z.array(JournalRef).max(10_000) }).strict(),
    z.object({ acknowledged: z.number().int().nonnegative() }),
  ),
  ...monitorChannels,
  ...incidentChannels,
  ...centralChannels,
  ...reportChannels,
} as const;

/** Main → renderer events: name → payload schema. */
export const ipcEvents = {
  'settings:changed': SeatSettings,
  'network:changed': NetworkStatus,
  ...incidentEvents,
  ...monitorEvents,
  ...centralEvents,
} as const;

export type IpcContract = typeof ipcContract;
export type Channel = keyof IpcContract;
export type RequestOf<C extends Channel> = z.input<IpcContract[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<IpcContract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<IpcContract[C]['response']>;

export type IpcEvents = typeof ipcEvents;
export type EventName = keyof IpcEvents;
export type EventPayload<E extends EventName> = z.output<IpcEvents[E]>;

export const CHANNELS = Object.keys(ipcContract) as Channel[];
export const EVENT_NAMES = Object.keys(ipcEvents) as EventName[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(ipcContract, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(ipcEvents, name);
}
