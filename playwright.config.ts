import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/chromium';

/**
 * E2E against the browser harness in Debian's Chromium. Never downloads a browser: the path is fixed and
 * each test starts its own harness with a fresh data folder (see test/e2e/fixtures.ts).
 */

export default defineConfig({
  testDir: 'test/e2e',
  // Separate folders let several runs share a checkout without deleting each other's artifacts.
  outputDir: process.env['PLAYWRIGHT_OUTPUT_DIR'] ?? 'test-results',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: process.env['CI'] ? 2 : undefined,
  retries: 0,
  forbidOnly: !!process.env['CI'],
  reporter: process.env['PLAYWRIGHT_JSON_OUTPUT_NAME'] ? [['list'], ['json']] : 'list',
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
  },
});
