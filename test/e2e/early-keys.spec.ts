import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { logSavedCall } from './calls';

/**
 * Keys typed while the console is still starting (boot/early-keys.ts): the sheet is on screen before the app's code
 * can take a key, and an agent types the caller's number as soon as they see it.
 */

const phoneField = (page: Page) => page.getByLabel('来电号码', { exact: true });
/** For what waits for the app to take over once released: a start on a machine that may be busy. */
const APP_UP = { timeout: 20_000 };
test.describe.configure({ timeout: 60_000 });

/**
 * Starts the console again with its code held back (a slow start) until the returned `release` is called, and waits
 * for the boot's copy. Held until released, not for a fixed time, so a slow machine cannot let the app in early.
 */
async function slowStart(page: Page): Promise<() => void> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/start-[^/]*\.js$/, async (route) => {
    await Promise.race([released, new Promise((resolve) => setTimeout(resolve, 30_000))]);
    await route.continue();
  });
  await page.reload({ waitUntil: 'commit' });
  await page.locator('#root[data-boot="shell"] .call-row').first().waitFor();
  return release;
}

test.beforeEach(async ({ console: page }) => {
  await page.getByLabel('坐席', { exact: true }).fill('王芳');
  await logSavedCall(page, { phone: '138 1234 5678', type: '4 登录异常', summary: '登录提示密码错误' });
  // A start that leaves the snapshot the next start draws.
  await page.reload();
  await expect(page.getByTestId('call-row')).toHaveCount(1);
});

test('a number typed while the console starts lands in the number field, in full', async ({
  console: page,
}) => {
  const release = await slowStart(page);
  await page.keyboard.type('13900001111');
  // The boot's copy does not take it: the app does, once it is up.
  await expect(page.locator('#root')).toHaveAttribute('data-boot', 'shell');
  release();
  await expect(phoneField(page)).toHaveValue('13900001111', APP_UP);
  await expect(phoneField(page)).toBeFocused();
  // Typing goes on where it left off, and the call saves.
  await page.keyboard.type('2');
  await expect(phoneField(page)).toHaveValue('139000011112');
  await page.keyboard.press('Backspace');
  await page.getByLabel('问题类型').selectOption({ label: '6 支付异常' });
  await page.getByLabel('问题描述').fill('充值未到账');
  await page.getByLabel('问题描述').press('Enter');
  await expect(page.getByTestId('call-row').filter({ hasText: '充值未到账' })).toContainText('139 0000 1111');
});

test('keys whose effect cannot be replayed are not guessed at, and the agent is told', async ({
  console: page,
}) => {
  const release = await slowStart(page);
  await page.keyboard.type('1390');
  await page.keyboard.press('Tab');
  await page.keyboard.type('000');
  release();
  await expect(phoneField(page)).toHaveValue('1390', APP_UP);
  await expect(page.getByText('启动期间按下的部分按键未生效')).toBeVisible();
});

test('an unsaved draft wins over keys typed while starting, which are shown to the agent', async ({
  console: page,
}) => {
  await phoneField(page).fill('010-62345678');
  await page.getByLabel('问题描述').fill('半途的来电');
  // Drafts are written at most every 150 ms.
  await page.waitForTimeout(300);
  const release = await slowStart(page);
  await page.keyboard.type('1391');
  release();
  await expect(page.getByText('已恢复未保存的草稿；启动期间键入的“1391”未填入')).toBeVisible(APP_UP);
  await expect(phoneField(page)).toHaveValue('010-62345678');
  await expect(page.getByLabel('问题描述')).toHaveValue('半途的来电');
});

test('keys typed after a click into the sheet are not put into the number field', async ({
  console: page,
}) => {
  const release = await slowStart(page);
  await page.keyboard.type('139');
  // The summary field of the boot's copy (inert: the click does nothing there); raw mouse, no actionability wait.
  const summary = await page.locator('#root[data-boot="shell"] textarea').first().boundingBox();
  if (!summary) throw new Error('no summary field in the boot copy');
  await page.mouse.click(summary.x + 10, summary.y + 10);
  await page.keyboard.type('abc');
  release();
  await expect(phoneField(page)).toHaveValue('139', APP_UP);
  await expect(page.getByLabel('问题描述')).toHaveValue('');
  await expect(page.getByText('启动期间按下的部分按键未生效')).toBeVisible();
});
