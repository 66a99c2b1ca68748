import { expect, test } from './fixtures';

test('opens in Chinese, switches to English, and remembers it after a reload', async ({ console: page }) => {
  const nav = page.getByRole('navigation', { name: '主导航' });
  await expect(nav.getByRole('button', { name: /手工记录表/ })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  await page.getByRole('button', { name: '语言' }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Call sheet/ })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.reload();
  await expect(page.getByRole('button', { name: /Call sheet/ })).toBeVisible();
});

test('the frame has every place and Alt+digit jumps between them', async ({ console: page }) => {
  for (const name of ['手工记录表', '事件', '处置清单', '通讯录', '电源与线路', '报告']) {
    await expect(
      page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: new RegExp(name) }),
    ).toBeVisible();
  }
  await page.keyboard.press('Alt+5');
  await expect(page.getByRole('heading', { name: '电源与线路' })).toBeVisible();
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('heading', { name: '事件' })).toBeVisible();
});

test('the status bar follows the network as main sees it', async ({ console: page, harness }) => {
  const network = page.getByTestId('status-network');
  await expect(network).toHaveText('网络正常');
  await harness.control('network', { online: false });
  await expect(network).toHaveText('网络中断');
  await harness.control('network', { online: true });
  await expect(network).toHaveText('网络正常');
});

test('seat settings are saved by main and survive a reload', async ({ console: page }) => {
  await page.keyboard.press('Alt+7');
  await page.getByLabel('坐席姓名').fill('王小明');
  await page.getByLabel('席位号').fill('A-12');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
  await page.reload();
  // Keys reach the console once its first frame is drawn (shortcuts are bound on mount).
  await page.getByRole('navigation', { name: '主导航' }).waitFor();
  await page.keyboard.press('Alt+7');
  await expect(page.getByLabel('坐席姓名')).toHaveValue('王小明');
  await expect(page.getByLabel('席位号')).toHaveValue('A-12');
});

test('a request that fails validation gets a typed error, not a crash', async ({ console: page }) => {
  await page.keyboard.press('Alt+7');
  await page.getByLabel('坐席姓名').fill('x'.repeat(64));
  await page.getByLabel('坐席姓名').evaluate((input: HTMLInputElement) => input.removeAttribute('maxlength'));
  await page.getByLabel('坐席姓名').fill('x'.repeat(80));
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('alert')).toContainText('请求内容不正确');
  await expect(page.getByRole('alert')).toContainText('agentName');
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
});
