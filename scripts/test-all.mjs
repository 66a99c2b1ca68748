import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

/**
 * `npm test`: every suite that can run on this machine — unit and server (vitest), e2e in Chromium against the
 * browser harness (Playwright), and the Electron smoke tests where a binary exists — then one closing line
 * `N passed, N failed, N skipped` summing them all.
 */
const REPORTS = '.test-reports';
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function readJson(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}

const totals = { passed: 0, failed: 0, skipped: 0 };
let broken = [];

if (run('build', 'npx', ['electron-vite', 'build', '--logLevel', 'warn']) !== 0) broken.push('build');

const unitStatus = run('unit + server + monitors (vitest)', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${REPORTS}/vitest.json`,
]);
const vitest = readJson(`${REPORTS}/vitest.json`);
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests;
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
}
if (unitStatus !== 0 && (!vitest || vitest.numFailedTests === 0)) broken.push('vitest');

const e2eStatus = run('e2e in Chromium (Playwright, browser harness)', 'npx', ['playwright', 'test'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: `${REPORTS}/e2e.json`,
});
const e2e = readJson(`${REPORTS}/e2e.json`);
if (e2e) {
  totals.passed += e2e.stats.expected + e2e.stats.flaky;
  totals.failed += e2e.stats.unexpected;
  totals.skipped += e2e.stats.skipped;
}
if (e2eStatus !== 0 && (!e2e || e2e.stats.unexpected === 0)) broken.push('e2e');

const scanStatus = run(
  'security scan (electronegativity, fails on HIGH)',
  'node',
  ['scripts/security-scan.mjs'],
  {
    FLOORGUARD_REPORT: `${REPORTS}/security.json`,
  },
);
const scan = readJson(`${REPORTS}/security.json`);
if (scan?.stats) {
  totals.passed += scan.stats.expected;
  totals.failed += scan.stats.unexpected;
}
if (scanStatus !== 0 && !scan?.stats?.unexpected) broken.push('security scan');

const electronStatus = run('electron (Playwright _electron)', 'node', ['scripts/test-electron.mjs'], {
  FLOORGUARD_REPORT: `${REPORTS}/electron.json`,
});
const electron = readJson(`${REPORTS}/electron.json`);
if (electron?.stats) {
  totals.passed += electron.stats.expected + electron.stats.flaky;
  totals.failed += electron.stats.unexpected;
  totals.skipped += electron.stats.skipped;
}
if (electronStatus !== 0 && !electron?.stats?.unexpected) broken.push('electron');

console.log('');
if (broken.length) console.log(`suites that did not run to completion: ${broken.join(', ')}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || broken.length > 0 ? 1 : 0);
