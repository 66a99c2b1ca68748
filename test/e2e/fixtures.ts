import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { startHarness, type Harness } from '../../src/harness/host';
import { createHarnessServices } from '../../src/harness/services';

export interface HarnessFixture extends Harness {
  dataDir: string;
  /** Drives the harness's simulated conditions (network, …) as Electron would observe them. */
  control(path: string, body: unknown): Promise<unknown>;
}

/**
 * Every test gets its own harness (fresh data folder, fresh main-process services) and its own browser
 * context (fresh IndexedDB), so tests never see each other's records.
 */
export const test = base.extend<{ harness: HarnessFixture; console: Page }>({
  harness: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'floorguard-e2e-'));
    const { services, control, dispose } = await createHarnessServices(dataDir);
    const harness = await startHarness({
      services,
      control,
      staticDir: resolve(process.env['FLOORGUARD_RENDERER_DIR'] ?? 'out/renderer'),
    });
    await use({
      ...harness,
      dataDir,
      control: async (path, body) => {
        const response = await fetch(new URL(`/__harness/${path}`, harness.url), {
          method: 'POST',
          body: JSON.stringify(body),
        });
        return response.json();
      },
    });
    await harness.close();
    dispose();
    rmSync(dataDir, { recursive: true, force: true });
  },
  console: async ({ page, harness }, use) => {
    await page.goto(harness.url);
    // The console is ready for keys once its frame is drawn (shortcuts are bound on mount).
    await page.getByRole('navigation').waitFor();
    await use(page);
  },
});

export { expect } from '@playwright/test';
