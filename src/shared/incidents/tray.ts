import { z } from 'zod';
import type { Catalogue } from '../checklists/catalogue';
import { SCENARIO_IDS, SCENARIOS } from '../checklists/scenarios';
import { Labels, LevelId, RoleId } from '../policy';
import { IncidentId } from './events';

/*
 * The tray, as data: what the renderer reports for it, the actions its menu carries, and the menu itself. Main builds
 * the menu (src/main/tray/tray-menu.ts); Electron turns it into a native menu, the harness renders the same items as
 * a panel, so end-to-end tests click exactly what a lead would click.
 */

const Slug = z
  .string()
  .max(64)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case');

export const TrayUrgency = z.enum(['ok', 'due-soon', 'overdue']);

export const TrayContact = z
  .object({
    personId: Slug,
    name: z.string().trim().min(1).max(128),
    role: RoleId,
    step: z.number().int().min(0).max(200),
    level: LevelId,
  })
  .strict();
export type TrayContact = z.infer<typeof TrayContact>;

export const TrayIncident = z
  .object({
    id: IncidentId,
    scenario: Slug,
    level: LevelId,
    urgency: TrayUrgency,
    /** The next person the escalation board says to call, if any. */
    nextContact: TrayContact.nullable(),
  })
  .strict();
export type TrayIncident = z.infer<typeof TrayIncident>;

/** Worst power state the renderer knows (the power feature reports it; unknown until it does). */
export const TrayPower = z.enum(['unknown', 'ok', 'warning', 'critical']);
export type TrayPower = z.infer<typeof TrayPower>;

/** What the renderer tells main for the tray (`tray:state`): it owns the data, main only shows it. */
/**
 * The declare submenu as the seat runs it: the levels of the effective policy (the file, then what the centre
 * published) and every scenario the seat's catalogue has, the site's own included, with their names.
 */
export const TrayMenuContext = z
  .object({
    levels: z
      .array(z.object({ id: LevelId, label: Labels }).strict())
      .min(1)
      .max(20),
    scenarios: z
      .array(z.object({ id: Slug, label: Labels }).strict())
      .min(1)
      .max(100),
  })
  .strict();
export type TrayMenuContext = z.infer<typeof TrayMenuContext>;

export const TrayReport = z
  .object({
    pendingSync: z.number().int().nonnegative(),
    power: TrayPower,
    incidents: z.array(TrayIncident).max(50),
    /** Absent until the renderer has its policy and catalogue: main's menu uses the policy file meanwhile. */
    menu: TrayMenuContext.optional(),
  })
  .strict();
export type TrayReport = z.infer<typeof TrayReport>;

export const TrayAction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('declare'), scenario: Slug, level: LevelId }).strict(),
  z.object({ kind: z.literal('raise-level'), incidentId: IncidentId, from: LevelId, to: LevelId }).strict(),
  z
    .object({
      kind: z.literal('mark-notified'),
      incidentId: IncidentId,
      personId: Slug,
      role: RoleId,
      step: z.number().int().min(0).max(200),
      level: LevelId,
    })
    .strict(),
  z.object({ kind: z.literal('new-call') }).strict(),
  z.object({ kind: z.literal('open-console') }).strict(),
  z.object({ kind: z.literal('quit') }).strict(),
]);
export type TrayAction = z.infer<typeof TrayAction>;

/** Actions the renderer carries out (it owns the data); the others are main's (windows, quitting). */
export const RENDERER_TRAY_ACTIONS = ['declare', 'raise-level', 'mark-notified', 'new-call'] as const;
export type RendererTrayAction = Extract<TrayAction, { kind: (typeof RENDERER_TRAY_ACTIONS)[number] }>;

export function isRendererTrayAction(action: TrayAction): action is RendererTrayAction {
  return (RENDERER_TRAY_ACTIONS as readonly string[]).includes(action.kind);
}

/** A tray click kept by main until the renderer confirms it acted on it (`tray:ack`). */
export const QueuedTrayAction = z
  .object({
    id: z.uuid({ version: 'v7' }),
    /** When the lead clicked: the events it leads to carry this time, however late they are written. */
    at: z.iso.datetime({ offset: true }),
    action: TrayAction,
  })
  .strict();
export type QueuedTrayAction = z.infer<typeof QueuedTrayAction>;

export type TrayItem =
  | { kind: 'label'; label: string }
  | { kind: 'action'; label: string; action: TrayAction }
  | { kind: 'submenu'; label: string; items: TrayItem[] }
  | { kind: 'separator' };

export const TrayItem: z.ZodType<TrayItem> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('label'), label: z.string() }).strict(),
    z.object({ kind: z.literal('action'), label: z.string(), action: TrayAction }).strict(),
    z.object({ kind: z.literal('submenu'), label: z.string(), items: z.array(TrayItem) }).strict(),
    z.object({ kind: z.literal('separator') }).strict(),
  ]),
);

export const TRAY_ICONS = ['normal', 'incident', 'overdue', 'offline'] as const;
export const TrayIcon = z.enum(TRAY_ICONS);
export type TrayIcon = z.infer<typeof TrayIcon>;

export const TrayMenu = z.object({ items: z.array(TrayItem), icon: TrayIcon, tooltip: z.string() }).strict();
export type TrayMenu = z.infer<typeof TrayMenu>;

/**
 * The declare submenu for a seat: its policy's levels, and the plan's scenarios followed by the site's own (named by
 * their template's title), as the declare dialog lists them.
 */
export function trayMenuContext(
  levels: readonly { id: string; label: Labels }[],
  catalogue: Pick<Catalogue, 'current'>,
): TrayMenuContext {
  const builtIn = SCENARIO_IDS.map((id) => ({ id, label: { ...SCENARIOS[id].label } }));
  const own = catalogue.current
    .filter((template) => !(SCENARIO_IDS as readonly string[]).includes(template.scenarioId))
    .map((template) => ({ id: template.scenarioId, label: { ...template.title } }));
  return {
    levels: levels.map((level) => ({ id: level.id, label: { ...level.label } })),
    scenarios: [...builtIn, ...own],
  };
}
