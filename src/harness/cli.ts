import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startHarness, type RendererMiddleware } from './host';
import { createHarnessServices } from './services';

/**
 * `npm run start:web`: the browser harness. Serves the renderer and runs the main-process services behind a
 * WebSocket binding of the IPC contract, so the console runs and is tested where there is no Electron binary.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5178' },
    data: { type: 'string', default: '.harness-data' },
    dev: { type: 'boolean', default: false },
    static: { type: 'string', default: 'out/renderer' },
    policy: { type: 'string' },
  },
});

const dataDir = resolve(values.data);
mkdirSync(dataDir, { recursive: true });
const { services, control, dispose } = await createHarnessServices(dataDir, {
  ...(values.policy ? { policyPath: resolve(values.policy) } : {}),
});

let middleware: RendererMiddleware | undefined;
let closeVite: (() => Promise<void>) | undefined;
if (values.dev) {
  const { createServer } = await import('vite');
  const vite = await createServer({
    configFile: resolve('vite.renderer.config.ts'),
    server: { middlewareMode: true, hmr: false },
    appType: 'spa',
  });
  middleware = vite.middlewares;
  closeVite = () => vite.close();
}

const harness = await startHarness({
  services,
  control,
  port: Number(values.port),
  ...(middleware ? { middleware } : { staticDir: resolve(values.static) }),
});

console.log(`Floorguard browser harness: ${harness.url}`);
console.log(`  bound to loopback only (development tool, not for production); data in ${dataDir}`);
console.log(`  site policy: ${services.policy.path}${services.policy.found ? '' : ' (not found: defaults)'}`);
for (const e of services.policy.errors) console.log(`  policy error at ${e.path}: ${e.message}`);
console.log(`  renderer: ${values.dev ? 'Vite dev middleware' : resolve(values.static)}`);

const stop = async () => {
  await harness.close();
  await closeVite?.();
  dispose();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
