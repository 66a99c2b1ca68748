import { catalogues } from '@shared/i18n';
import { interpolate } from '@shared/i18n/format';
import type { Locale } from '@shared/settings/schema';

/** What the tray shows, gathered from the services. */
export interface TrayState {
  locale: Locale;
  online: boolean;
  pendingSync: number;
}

export type TrayAction = 'open-console' | 'quit';

/** An Electron-free menu description; the Electron glue turns it into a Menu and maps actions to handlers. */
export type TrayItem =
  | { kind: 'label'; label: string }
  | { kind: 'action'; label: string; action: TrayAction }
  | { kind: 'separator' };

export function buildTrayMenu(state: TrayState): TrayItem[] {
  const m = catalogues[state.locale].tray;
  const status = [
    state.online ? m.online : m.offline,
    interpolate(m.pending, { count: state.pendingSync }),
  ].join(' · ');
  return [
    { kind: 'label', label: status },
    { kind: 'separator' },
    { kind: 'action', label: m.openConsole, action: 'open-console' },
    { kind: 'separator' },
    { kind: 'action', label: m.quit, action: 'quit' },
  ];
}
