import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
  createCentralApi,
  createCentralService,
  fileSecretStore,
  jsonFileEnrollmentBackend,
} from '../main/services/central';
import { createJournal } from '../main/services/journal/journal';
import { createLineMonitor } from '../main/services/lines';
import { createPowerMonitor } from '../main/services/power';
import { createManualSeatPowerSource, createSeatPowerService } from '../main/services/seat-power';
import { loadSitePolicy } from '../main/services/policy/site-policy-source';
import { createNetworkMonitor } from '../main/services/network/network-monitor';
import type { MainServices } from '../main/services/handlers';
import { jsonFileSettingsBackend } from '../main/services/settings/json-file-backend';
import { createSettingsService } from '../main/services/settings/settings-service';
import { createTrayActionQueue, createTrayService } from '../main/services/tray-actions';
import { TrayAction } from '@shared/incidents/tray';
import { InjectLine, InjectUps, withInjectedLines, withInjectedUps } from './injected-monitors';

const { version } = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as {
  version: string;
};

/** The main-process services as the harness runs them: same classes, Node backends, switchable conditions. */
export async function createHarnessServices(dataDir: string, options: { policyPath?: string } = {}) {
  let online = true;
  const network = createNetworkMonitor({ probe: () => online, intervalMs: 250 });
  const policy = await loadSitePolicy(options.policyPath ?? join(dataDir, 'site-policy.json'));
  // Real monitors on the policy's UPS units and lines; e2e tests overlay simulated states (see `control`).
  const power = withInjectedUps(createPowerMonitor({ ups: policy.policy.ups }));
  const lines = withInjectedLines(createLineMonitor({ lines: policy.policy.lines }));
  const seatSwitch = createManualSeatPowerSource(false);
  const seatPower = createSeatPowerService({ source: seatSwitch.source });
  const settings = createSettingsService(jsonFileSettingsBackend(join(dataDir, 'settings.json')));
  const tray = createTrayService({
    queue: createTrayActionQueue({ file: join(dataDir, 'tray-actions.json') }),
    settings,
    network,
    policy: () => policy.policy,
  });
  const journal = createJournal({ dir: join(dataDir, 'journal') });
  const services: MainServices = {
    appInfo: {
      name: 'Floorguard',
      version,
      host: 'harness',
      platform: process.platform,
      userDataDir: dataDir,
    },
    settings,
    tray,
    network,
    journal,
    policy,
    // The harness keeps the device token in a plain file of its data folder (a development tool).
    central: createCentralService({
      api: createCentralApi(),
      secrets: fileSecretStore(join(dataDir, 'secrets.json')),
      enrollment: jsonFileEnrollmentBackend(join(dataDir, 'central.json')),
    }),
    power: power.monitor,
    lines: lines.monitor,
    seatPower,
  };

  /** Test hooks reachable at /__harness/<path>; they simulate what Electron would observe. */
  function control(path: string, body: unknown): unknown {
    if (path === 'network') {
      const wanted = (body as { online?: unknown } | undefined)?.online;
      if (typeof wanted !== 'boolean') throw new Error('Body must be {"online": true|false}');
      online = wanted;
      return { online };
    }
    // The new-call key as Electron would have registered it (a browser has no system-wide shortcuts).
    if (path === 'new-call-shortcut') {
      const state = z.object({ state: z.enum(['off', 'registered', 'taken']) }).parse(body).state;
      services.appInfo = {
        ...services.appInfo,
        newCallShortcut: { accelerator: state === 'off' ? null : policy.policy.newCallShortcut, state },
      };
      return services.appInfo.newCallShortcut;
    }
    if (path === 'journal-count') {
      return services.journal.unacknowledged().then((entries) => ({ count: entries.length }));
    }
    // A click on the native tray menu, as Electron would deliver it (also while no page is open).
    if (path === 'tray-click') return tray.activate(TrayAction.parse(body)).then((queued) => ({ queued }));
    if (path === 'tray-pending') return tray.queue.pending().then((actions) => ({ count: actions.length }));
    if (path === 'ups') return power.inject(InjectUps.parse(body));
    if (path === 'line') return lines.inject(InjectLine.parse(body));
    if (path === 'seat-power') {
      seatSwitch.set(z.object({ onBattery: z.boolean().nullable() }).parse(body).onBattery);
      return seatPower.status();
    }
    throw new Error(`Unknown harness control: ${path}`);
  }

  const dispose = () => {
    network.dispose();
    tray.dispose();
    seatPower.dispose();
    void power.monitor.dispose();
    void lines.monitor.dispose();
    // The journal keeps its day files open between appends: close them rather than leave them to the GC.
    void journal.close();
  };
  return { services, control, dispose };
}
