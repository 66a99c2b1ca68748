import {
  isRendererTrayAction,
  type TrayAction,
  type TrayMenu,
  type TrayReport,
} from '@shared/incidents/tray';
import type { SitePolicy } from '@shared/policy';
import { buildTrayMenu, trayIcon, trayTooltip, type TrayState } from '../../tray/tray-menu';
import type { NetworkMonitor } from '../network/network-monitor';
import type { SettingsService } from '../settings/settings-service';
import type { TrayActionQueue } from './tray-action-queue';

/**
 * The tray as a service: it keeps what the renderer last reported, builds the menu in the seat's language, and
 * routes clicks — renderer actions into the durable queue, main's own (open console, quit) to the host.
 */
export interface TrayService {
  report(report: TrayReport): void;
  state(): TrayState;
  menu(): TrayMenu;
  /** A click on a menu item. Returns whether it was queued for the renderer. */
  activate(action: TrayAction): Promise<boolean>;
  queue: TrayActionQueue;
  /** The menu changed (report, language, network). */
  onChange(listener: (menu: TrayMenu) => void): () => void;
  /** A click for main itself: open the console, quit. */
  onHostAction(listener: (action: TrayAction) => void): () => void;
  dispose(): void;
}

export function createTrayService(deps: {
  queue: TrayActionQueue;
  settings: SettingsService;
  network: NetworkMonitor;
  policy: () => SitePolicy;
}): TrayService {
  let last: TrayReport = { pendingSync: 0, power: 'unknown', incidents: [] };
  const changeListeners = new Set<(menu: TrayMenu) => void>();
  const hostListeners = new Set<(action: TrayAction) => void>();

  const state = (): TrayState => ({
    locale: deps.settings.get().locale,
    online: deps.network.status().online,
    pendingSync: last.pendingSync,
    power: last.power,
    incidents: last.incidents,
    // What the seat runs on once the renderer has reported it (the centre's policy and the site's own scenarios
    // included); the policy file until then.
    levels: last.menu?.levels ?? deps.policy().levels,
    ...(last.menu && {
      scenarios: last.menu.scenarios.map((s) => s.id),
      scenarioLabels: Object.fromEntries(last.menu.scenarios.map((s) => [s.id, s.label])),
    }),
  });
  const menu = (): TrayMenu => {
    const s = state();
    return { items: buildTrayMenu(s), icon: trayIcon(s), tooltip: trayTooltip(s) };
  };
  const changed = () => {
    const current = menu();
    for (const listener of changeListeners) listener(current);
  };
  const offSettings = deps.settings.onChange(changed);
  const offNetwork = deps.network.onChange(changed);

  return {
    report(report) {
      last = report;
      changed();
    },
    state,
    menu,
    async activate(action) {
      // Main's own actions are announced too, so the harness panel can show that the click landed.
      for (const listener of hostListeners) listener(action);
      if (!isRendererTrayAction(action)) return false;
      await deps.queue.enqueue(action);
      return true;
    },
    queue: deps.queue,
    onChange(listener) {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
    onHostAction(listener) {
      hostListeners.add(listener);
      return () => hostListeners.delete(listener);
    },
    dispose() {
      offSettings();
      offNetwork();
    },
  };
}
