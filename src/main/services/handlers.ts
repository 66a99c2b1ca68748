import type { AppInfo, EventName, EventPayload, PolicyState } from '@shared/ipc/contract';
import type { Handlers } from '@shared/ipc/dispatcher';
import type { Journal } from './journal/journal';
import type { NetworkMonitor } from './network/network-monitor';
import type { SettingsService } from './settings/settings-service';

/** Everything the IPC contract is served from. Built once by the Electron entry or by the harness. */
export interface MainServices {
  appInfo: AppInfo;
  settings: SettingsService;
  network: NetworkMonitor;
  journal: Journal;
  /** The site policy as loaded at start (defaults + the machine-wide file). */
  policy: PolicyState;
}

/** Binds each contract channel to a service. The bindings (Electron, harness) add transport, not behaviour. */
export function createHandlers(services: MainServices): Handlers {
  return {
    'app:info': () => services.appInfo,
    'settings:get': () => services.settings.get(),
    'settings:update': (patch) => services.settings.update(patch),
    'network:status': () => services.network.status(),
    'policy:get': () => services.policy,
    'journal:append': ({ entries }) => services.journal.append(entries),
    'journal:unacknowledged': async () => ({ entries: await services.journal.unacknowledged() }),
    'journal:acknowledge': async ({ refs }) => ({ acknowledged: await services.journal.acknowledge(refs) }),
  };
}

export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** Forwards service changes as contract events, whatever carries them. */
export function forwardEvents(services: MainServices, emit: Emit): () => void {
  const offSettings = services.settings.onChange((settings) => emit('settings:changed', settings));
  const offNetwork = services.network.onChange((status) => emit('network:changed', status));
  return () => {
    offSettings();
    offNetwork();
  };
}
