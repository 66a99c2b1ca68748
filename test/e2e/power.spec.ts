import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * The power place and its alerts, driven by UPS and line states injected through the harness (the monitors
 * themselves are tested against real upsd and line peers in test/monitors).
 */

async function openPowerPlace(page: Page) {
  await page
    .getByRole('navigation')
    .getByRole('button', { name: /电源与线路/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: '电源与线路' })).toBeVisible();
}

test('a UPS on battery at 55 % shows the generator alert, the power-cut offer and the worst state', async ({
  console: page,
  harness,
}) => {
  // The chart library draws under the strict CSP (the console fixture fails the test on any refusal).
  await expect(page.getByTestId('status-power')).toHaveText('电源: 正常');

  await harness.control('ups', {
    name: '机房 UPS',
    status: 'OB DISCHRG',
    batteryCharge: 55,
    runtimeSeconds: 40 * 60,
    load: 42,
    inputVoltage: 0,
  });

  // The offer reaches whichever page the floor is on.
  const offer = page.getByTestId('offer-power-cut');
  await expect(offer).toContainText('UPS「机房 UPS」已转为电池供电');
  await expect(page.getByTestId('status-power')).toHaveText('电源: UPS「机房 UPS」需启动发电机 · 另有 1 项');
  await expect(page.getByTestId('status-power')).toHaveAttribute('data-severity', 'critical');

  await page.getByTestId('status-power').click();
  const card = page.getByTestId('ups-card').filter({ hasText: '机房 UPS' });
  await expect(card.getByTestId('ups-state')).toHaveText('电池供电');
  await expect(card.getByTestId('ups-alert-start-generator')).toHaveText(
    '电池已放电超过 40%，市电仍未恢复：立即启动发电机',
  );
  await expect(card.getByTestId('ups-charge')).toHaveText('55%');
  await expect(card.getByTestId('ups-minutes-left')).toHaveText('40 分钟');
  await expect(card.getByTestId('since')).toContainText('0 分钟');

  // A second reading draws the last hour of charge.
  await harness.control('ups', {
    name: '机房 UPS',
    status: 'OB DISCHRG',
    batteryCharge: 52,
    runtimeSeconds: 35 * 60,
  });
  await expect(card.getByTestId('ups-charge')).toHaveText('52%');
  await expect(card.getByTestId('ups-chart').locator('canvas')).toBeVisible();

  // Keyboard: the offer's buttons are ordinary buttons; dismissing keeps it away for this outage.
  await offer.getByRole('button', { name: '不再提示' }).focus();
  await page.keyboard.press('Enter');
  await expect(offer).toHaveCount(0);
  await harness.control('ups', { name: '机房 UPS', status: 'OB DISCHRG', batteryCharge: 50 });
  await expect(card.getByTestId('ups-charge')).toHaveText('50%');
  await expect(offer).toHaveCount(0);

  // Mains back, then a new cut: a new episode, a new offer.
  await harness.control('ups', { name: '机房 UPS', status: 'OL CHRG', batteryCharge: 51, inputVoltage: 229 });
  await expect(card.getByTestId('ups-state')).toHaveText('市电供电');
  await expect(page.getByTestId('status-power')).toHaveText('电源: 正常');
  await harness.control('ups', { name: '机房 UPS', status: 'OB', batteryCharge: 50 });
  await expect(offer).toBeVisible();
  await offer.getByRole('button', { name: '宣布停电事件' }).click();
  await expect(offer).toHaveCount(0);
});

test('the CRM down past the site threshold opens the call sheet and offers a CRM-down incident', async ({
  page,
  harness,
}) => {
  await page.clock.install();
  await page.goto(harness.url);
  await openPowerPlace(page);

  await harness.control('line', { name: 'CRM', role: 'crm', health: 'up', latencyMs: 18 });
  await harness.control('line', { name: '主线路', role: 'primary', health: 'up', latencyMs: 9 });
  const crm = page.getByTestId('line-card').filter({ hasText: 'CRM' });
  await expect(crm.getByTestId('line-state')).toHaveText('正常');
  await expect(crm.getByTestId('line-latency')).toHaveText('18 ms');

  await harness.control('line', { name: 'CRM', health: 'down' });
  await expect(crm.getByTestId('line-state')).toHaveText('中断');
  await expect(page.getByTestId('status-power')).toHaveText('电源: 「CRM」中断');
  // Not yet: the default policy gives the CRM two minutes.
  await page.clock.fastForward('01:00');
  await expect(page.getByTestId('offer-crm-down')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: '电源与线路' })).toBeVisible();

  await page.clock.fastForward('01:30');
  const offer = page.getByTestId('offer-crm-down');
  await expect(offer).toContainText('CRM「CRM」已中断 2 分钟');
  await expect(page.getByLabel('来电号码', { exact: true })).toBeVisible();
  await expect(offer.getByRole('button', { name: '宣布 CRM 中断事件' })).toBeVisible();

  // The line comes back: the card says so and the offer goes with the outage.
  await harness.control('line', { name: 'CRM', health: 'up', latencyMs: 21 });
  await expect(offer).toHaveCount(0);
  await openPowerPlace(page);
  await expect(crm.getByTestId('line-state')).toHaveText('正常');
  await expect(crm.getByTestId('line-latency')).toHaveText('21 ms');
  await expect(crm.getByTestId('line-chart').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('status-power')).toHaveText('电源: 正常');
});

test('the status bar shows the worst state of UPS, lines and this seat, in the UI language', async ({
  console: page,
  harness,
}) => {
  const status = page.getByTestId('status-power');
  await harness.control('line', { name: '备用线路', role: 'backup', health: 'down' });
  await expect(status).toHaveText('电源: 备用线路「备用线路」中断');
  await expect(status).toHaveAttribute('data-severity', 'warning');

  await harness.control('ups', { name: '楼层 UPS', status: 'OB LB', batteryCharge: 9, runtimeSeconds: 180 });
  await expect(status).toHaveText('电源: UPS「楼层 UPS」电量低 · 另有 3 项');
  await expect(status).toHaveAttribute('data-severity', 'critical');

  await harness.control('seat-power', { onBattery: true });
  await expect(status).toHaveText('电源: UPS「楼层 UPS」电量低 · 另有 4 项');

  await page.getByRole('button', { name: '语言' }).click();
  await expect(status).toHaveText('Power: UPS “楼层 UPS” battery low · 4 more');
  await status.click();
  await expect(page.getByTestId('seat-state')).toHaveText('This PC is on battery');
  await expect(page.getByTestId('ups-alert-low-battery')).toHaveText(
    'Battery low: the UPS will shut down soon, save your work now',
  );
});
