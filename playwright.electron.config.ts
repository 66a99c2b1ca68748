import { defineConfig } from '@playwright/test';

/** Smoke tests of the real desktop app; run by scripts/test-electron.mjs only where an Electron binary exists. */
export default defineConfig({
  testDir: 'test/electron',
  timeout: 60_000,
  workers: 1,
  reporter: process.env['PLAYWRIGHT_JSON_OUTPUT_NAME'] ? [['list'], ['json']] : 'list',
});
