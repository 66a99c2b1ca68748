import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { electronBinary } from './electron-binary.mjs';

/**
 * Runs test/electron (Playwright `_electron.launch`) where an Electron binary exists, under Xvfb if there is no
 * display. Elsewhere it says so in one line and records the suite as skipped, never as passed.
 */
const report = process.env.FLOORGUARD_REPORT ?? '.test-reports/electron.json';
mkdirSync('.test-reports', { recursive: true });

if (!electronBinary()) {
  console.log(
    'skipped: no Electron binary (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1) — test/electron did not run',
  );
  writeFileSync(report, JSON.stringify({ skippedSuite: 'no Electron binary' }));
  process.exit(0);
}
const args = ['playwright', 'test', '-c', 'playwright.electron.config.ts'];
const withDisplay = process.env.DISPLAY ? ['npx', args] : ['xvfb-run', ['-a', 'npx', ...args]];
const result = spawnSync(withDisplay[0], withDisplay[1], {
  stdio: 'inherit',
  env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: report },
});
process.exit(result.status ?? 1);
