import { roleLabel } from '@shared/checklists/roles';
import { SCENARIO_IDS, SCENARIOS, type ScenarioId } from '@shared/checklists/scenarios';
import { catalogues } from '@shared/i18n';
import { interpolate } from '@shared/i18n/format';
import type { TrayIcon, TrayIncident, TrayItem, TrayPower } from '@shared/incidents/tray';
import type { Labels } from '@shared/policy';
import type { Locale } from '@shared/settings/schema';

export type { TrayAction, TrayIcon, TrayItem } from '@shared/incidents/tray';

/** What the tray shows: main's own status plus what the renderer reported (`tray:state`) and the policy's scale. */
export interface TrayState {
  locale: Locale;
  online: boolean;
  pendingSync: number;
  power?: TrayPower;
  incidents?: readonly TrayIncident[];
  /** The policy's levels, highest first: the declare submenu offers them and "raise" goes one up. */
  levels?: readonly { id: string; label: Labels }[];
  /** Scenario ids the declare submenu lists (default: every built-in scenario). */
  scenarios?: readonly string[];
  /** Names of scenarios that are not built-in (a site's own), by id. */
  scenarioLabels?: Readonly<Record<string, Labels>>;
}

const pick = (labels: Labels, locale: Locale) => (locale === 'zh-CN' ? labels.zh : labels.en);

function scenarioLabel(id: string, state: TrayState): string {
  if ((SCENARIO_IDS as readonly string[]).includes(id))
    return pick(SCENARIOS[id as ScenarioId].label, state.locale);
  const own = state.scenarioLabels?.[id];
  return own ? pick(own, state.locale) : id;
}

/** An Electron-free menu description; the Electron glue turns it into a Menu, the harness into a panel. */
export function buildTrayMenu(state: TrayState): TrayItem[] {
  const { locale } = state;
  const core = catalogues[locale].tray;
  const m = catalogues[locale].incidents.tray;
  const levels = state.levels ?? [];
  const incidents = state.incidents ?? [];
  const levelLabel = (id: string) => {
    const level = levels.find((l) => l.id === id);
    return level ? pick(level.label, locale) : id;
  };
  const incidentLabel = (i: TrayIncident) => `${scenarioLabel(i.scenario, state)} · ${levelLabel(i.level)}`;

  const status = [
    state.online ? core.online : core.offline,
    interpolate(core.pending, { count: state.pendingSync }),
    ...(state.power ? [m.power[state.power]] : []),
  ].join(' · ');
  const items: TrayItem[] = [{ kind: 'label', label: status }];
  if (incidents.length > 0) {
    const overdue = incidents.some((i) => i.urgency === 'overdue');
    items.push({
      kind: 'label',
      label: [interpolate(m.incidents, { count: incidents.length }), ...(overdue ? [m.overdue] : [])].join(
        ' · ',
      ),
    });
  }
  items.push({ kind: 'separator' });

  if (levels.length > 0) {
    items.push({
      kind: 'submenu',
      label: m.declare,
      items: (state.scenarios ?? SCENARIO_IDS).map((scenario) => ({
        kind: 'submenu',
        label: scenarioLabel(scenario, state),
        items: levels.map((level) => ({
          kind: 'action',
          label: pick(level.label, locale),
          action: { kind: 'declare', scenario, level: level.id },
        })),
      })),
    });
  }
  for (const incident of incidents) {
    const rank = levels.findIndex((l) => l.id === incident.level);
    const higher = rank > 0 ? levels[rank - 1] : undefined;
    if (higher) {
      items.push({
        kind: 'action',
        label: interpolate(m.raise, { incident: incidentLabel(incident), level: pick(higher.label, locale) }),
        action: { kind: 'raise-level', incidentId: incident.id, from: incident.level, to: higher.id },
      });
    }
    const next = incident.nextContact;
    if (next) {
      const role = roleLabel(next.role);
      items.push({
        kind: 'action',
        label: interpolate(m.markNotified, {
          name: next.name,
          role: role ? pick(role, locale) : next.role,
          incident: incidentLabel(incident),
        }),
        action: {
          kind: 'mark-notified',
          incidentId: incident.id,
          personId: next.personId,
          role: next.role,
          step: next.step,
          level: next.level,
        },
      });
    }
  }
  items.push(
    { kind: 'action', label: m.newCall, action: { kind: 'new-call' } },
    { kind: 'action', label: core.openConsole, action: { kind: 'open-console' } },
    { kind: 'separator' },
    { kind: 'action', label: core.quit, action: { kind: 'quit' } },
  );
  return items;
}

/**
 * The icon says the worst thing first: a missed deadline or a critical power state (low battery, generator needed)
 * in red, then a lost network, then an open incident or a power warning (on battery, a line down) in orange.
 */
export function trayIcon(state: Pick<TrayState, 'online' | 'incidents' | 'power'>): TrayIcon {
  const incidents = state.incidents ?? [];
  if (incidents.some((i) => i.urgency === 'overdue') || state.power === 'critical') return 'overdue';
  if (!state.online) return 'offline';
  return incidents.length > 0 || state.power === 'warning' ? 'incident' : 'normal';
}

/** The tooltip: the app, and how many incidents are open. */
export function trayTooltip(state: Pick<TrayState, 'locale' | 'incidents'>): string {
  const count = state.incidents?.length ?? 0;
  if (count === 0) return 'Floorguard';
  return `Floorguard · ${interpolate(catalogues[state.locale].incidents.tray.incidents, { count })}`;
}
