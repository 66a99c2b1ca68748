import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { startHarness } from '../../src/harness/host';
import { createHarnessServices } from '../../src/harness/services';
import { expect, type CentralFixture } from './fixtures';

/** Seats of one site in one test: each its own harness data folder (main services, settings, token). */

export async function openPlace(page: Page, name: string) {
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('button', { name: new RegExp(name) })
    .click();
}

/** Enrols this seat through the settings page; the server URL and site code come prefilled from the site policy. */
export async function enrol(page: Page, central: CentralFixture, deviceName: string) {
  await openPlace(page, '设置');
  const form = page.getByTestId('enrol-form');
  await expect(form.getByLabel('中心服务器地址')).toHaveValue(central.url);
  await expect(form.getByLabel('站点代码')).toHaveValue(central.site.code);
  await form.getByLabel('接入密钥').fill(central.site.enrollmentKey);
  await form.getByLabel('设备名称').fill(deviceName);
  await form.getByRole('button', { name: '接入', exact: true }).click();
  await expect(page.getByTestId('sync-enrolled')).toContainText(`已接入站点 ${central.site.code}`);
}

/** "Sync now" in the status bar, then waits until the round is over and nothing is pending. */
export async function syncNow(page: Page) {
  await page.getByTestId('status-sync').click();
  await expect(page.getByTestId('status-pending')).toHaveText('待同步 0 条', { timeout: 20_000 });
  await expect(page.getByTestId('status-sync')).toHaveAttribute('data-phase', 'idle', { timeout: 20_000 });
}

/** A seat whose site policy names the test's centre, plus whatever else the test's policy sets. */
export async function startSeat(central: CentralFixture, policy: Record<string, unknown> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'floorguard-e2e-seat-'));
  writeFileSync(
    join(dataDir, 'site-policy.json'),
    JSON.stringify({ ...policy, central: { url: central.url, siteCode: central.site.code } }),
  );
  const { services, control, dispose } = await createHarnessServices(dataDir);
  const harness = await startHarness({
    services,
    control,
    staticDir: resolve(process.env['FLOORGUARD_RENDERER_DIR'] ?? 'out/renderer'),
  });
  return {
    url: harness.url,
    async close() {
      await harness.close();
      dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
