import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createJournal } from '../main/services/journal/journal';
import { loadSitePolicy } from '../main/services/policy/site-policy-source';
import { createNetworkMonitor } from '../main/services/network/network-monitor';
import type { MainServices } from '../main/services/handlers';
import { jsonFileSettingsBackend } from '../main/services/settings/json-file-backend';
import { createSettingsService } from '../main/services/settings/settings-service';

const { version } = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as {
  version: string;
};

/** The main-process services as the harness runs them: same classes, Node backends, switchable conditions. */
export async function createHarnessServices(dataDir: string, options: { policyPath?: string } = {}) {
  let online = true;
  const network = createNetworkMonitor({ probe: () => online, intervalMs: 250 });
  const services: MainServices = {
    appInfo: {
      name: 'Floorguard',
      version,
      host: 'harness',
      platform: process.platform,
      userDataDir: dataDir,
    },
    settings: createSettingsService(jsonFileSettingsBackend(join(dataDir, 'settings.json'))),
    network,
    journal: createJournal({ dir: join(dataDir, 'journal') }),
    policy: await loadSitePolicy(options.policyPath ?? join(dataDir, 'site-policy.json')),
  };

  /** Test hooks reachable at /__harness/<path>; they simulate what Electron would observe. */
  function control(path: string, body: unknown): unknown {
    if (path === 'network') {
      const wanted = (body as { online?: unknown } | undefined)?.online;
      if (typeof wanted !== 'boolean') throw new Error('Body must be {"online": true|false}');
      online = wanted;
      return { online };
    }
    if (path === 'journal-count') {
      return services.journal.unacknowledged().then((entries) => ({ count: entries.length }));
    }
    throw new Error(`Unknown harness control: ${path}`);
  }

  return { services, control, dispose: () => network.dispose() };
}
