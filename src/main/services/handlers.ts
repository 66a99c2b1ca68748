import type { AppInfo, EventName, EventPayload, PolicyState } from '@shared/ipc/contract';
import type { Handlers } from '@shared/ipc/dispatcher';
import type { CentralService } from './central';
import type { Journal } from './journal/journal';
import type { LineMonitor } from './lines';
import type { NetworkMonitor } from './network/network-monitor';
import type { PowerMonitor } from './power';
import type { ReportsService } from './reports';
import type { SeatPowerService } from './seat-power';
import type { SettingsService } from './settings/settings-service';
import type { TrayService } from './tray-actions';

/** Everything the IPC contract is served from. Built once by the Electron entry or by the harness. */
export interface MainServices {
  appInfo: AppInfo;
  settings: SettingsService;
  /** The tray menu (built from what the renderer reports) and the durable queue of tray clicks. */
  tray: TrayService;
  network: NetworkMonitor;
  journal: Journal;
  /** The site policy as loaded at start (defaults + the machine-wide file). */
  policy: PolicyState;
  /** The central API client: enrolment, the device token (main only) and sync calls. */
  central: CentralService;
  /** UPS units of the site policy, watched over NUT. */
  power: PowerMonitor;
  /** Lines and services of the site policy, probed with anti-flapping. */
  lines: LineMonitor;
  /** This seat's own battery/mains state. */
  seatPower: SeatPowerService;
  /** Report PDFs (Electron only: the harness prints with the browser's dialog). */
  reports?: ReportsService;
}

/** Binds each contract channel to a service. The bindings (Electron, harness) add transport, not behaviour. */
export function createHandlers(services: MainServices): Handlers {
  return {
    'app:info': () => services.appInfo,
    'settings:get': () => services.settings.get(),
    'settings:update': (patch) => services.settings.update(patch),
    'tray:state': (report) => {
      services.tray.report(report);
      return {};
    },
    'tray:menu': () => services.tray.menu(),
    'tray:activate': async ({ action }) => ({ queued: await services.tray.activate(action) }),
    'tray:pending': async () => ({ actions: await services.tray.queue.pending() }),
    'tray:ack': async ({ ids }) => ({ acknowledged: await services.tray.queue.ack(ids) }),
    'network:status': () => services.network.status(),
    'policy:get': () => services.policy,
    'journal:append': ({ entries }) => services.journal.append(entries),
    'journal:unacknowledged': async () => ({ entries: await services.journal.unacknowledged() }),
    'journal:acknowledge': async ({ refs }) => ({ acknowledged: await services.journal.acknowledge(refs) }),
    'central:status': () => services.central.status(),
    'central:enroll': (request) => services.central.enroll(request),
    'central:unenroll': () => services.central.unenroll(),
    'central:push': (request) => services.central.push(request),
    'central:pull': (request) => services.central.pull(request),
    'central:rejected': ({ limit }) => services.central.rejected(limit),
    'central:health': ({ serverUrl }) => services.central.health(serverUrl),
    'power:status': () => ({ ups: services.power.status(), seat: services.seatPower.status() }),
    'lines:status': () => ({ lines: services.lines.status() }),
    'lines:latency': ({ name }) => ({ samples: services.lines.latency(name) }),
    'reports:pdf': (request) =>
      services.reports ? services.reports.printToPdf(request) : { outcome: 'unsupported' as const },
  };
}

export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** Forwards service changes as contract events, whatever carries them. */
export function forwardEvents(services: MainServices, emit: Emit): () => void {
  const offSettings = services.settings.onChange((settings) => emit('settings:changed', settings));
  const offNetwork = services.network.onChange((status) => emit('network:changed', status));
  const offTrayAction = services.tray.queue.onAction((queued) => emit('tray:action', queued));
  const offTrayMenu = services.tray.onChange((menu) => emit('tray:changed', menu));
  const offCentral = services.central.onChange((status) => emit('central:changed', status));
  // UPS and seat power travel together: the renderer always gets the whole power picture.
  const power = () => ({ ups: services.power.status(), seat: services.seatPower.status() });
  const offPower = services.power.onChange(() => emit('power:changed', power()));
  const offSeatPower = services.seatPower.onChange(() => emit('power:changed', power()));
  const offLines = services.lines.onChange((_line, lines) => emit('lines:changed', { lines }));
  return () => {
    offSettings();
    offNetwork();
    offTrayAction();
    offTrayMenu();
    offCentral();
    offPower();
    offSeatPower();
    offLines();
  };
}
