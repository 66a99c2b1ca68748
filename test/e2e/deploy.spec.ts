import { expect, test } from './fixtures';

test.describe('with an invalid site policy file', () => {
  test.use({ sitePolicy: { calendar: { timeZone: 'Mars/Olympus' }, crmDownAlertMinutes: -1 } });

  test('the console still starts, on defaults, with a banner naming each key path', async ({
    console: page,
  }) => {
    const banner = page.getByTestId('banner-policy');
    await expect(banner).toContainText('站点策略文件无效，已使用默认设置');
    await expect(banner).toContainText('calendar.timeZone');
    await expect(banner).toContainText('crmDownAlertMinutes');
    // Still fully usable: the call sheet works on the default problem types.
    await expect(page.getByLabel('问题类型').getByRole('option', { name: '4 登录异常' })).toBeAttached();
  });
});

test.describe('with a valid site policy file', () => {
  test.use({ sitePolicy: { crmDownAlertMinutes: 5, central: { siteCode: 'sh-floor-3' } } });

  test('diagnostics show the policy source, its locked keys, and a copyable report', async ({
    console: page,
  }) => {
    await page.keyboard.press('Alt+7');
    await expect(page.getByTestId('banner-policy')).toHaveCount(0);
    const policy = page.getByTestId('diag-policy');
    await expect(policy).toContainText('已加载');
    await expect(policy).toContainText('central.siteCode');
    await expect(policy).toContainText('crmDownAlertMinutes');
    const report = JSON.parse((await page.getByTestId('diag-report').textContent()) ?? '{}') as {
      app: { host: string };
      policy: { lockedPaths: string[]; central: { siteCode: string } };
    };
    await expect(page.getByTestId('diag-central')).toContainText('未注册');
    // The enrollment form takes the site code from the policy and does not let the seat change it.
    const siteCode = page.getByLabel('站点代码');
    await expect(siteCode).toHaveValue('sh-floor-3');
    await expect(siteCode).toHaveAttribute('readonly', '');
    await expect(page.getByText('🔒 由 IT 部门设定', { exact: true })).toBeVisible();
    await expect(page.getByTestId('diag-monitors')).toContainText('UPS 0 台，线路 0 条');
    expect(report.app.host).toBe('harness');
    expect(report.policy.central.siteCode).toBe('sh-floor-3');
    expect(report.policy.lockedPaths.sort()).toEqual(['central.siteCode', 'crmDownAlertMinutes']);
  });
});

test('diagnostics tell IT when another application holds the new-call key', async ({
  console: page,
  harness,
}) => {
  await harness.control('new-call-shortcut', { state: 'taken' });
  await page.keyboard.press('Alt+7');
  await expect(page.getByTestId('diag-shortcut')).toHaveText(
    'CommandOrControl+Alt+N 被其他程序占用，未生效：请联系 IT 更换（托盘菜单与程序内快捷键仍可用）',
  );
  const report = JSON.parse((await page.getByTestId('diag-report').textContent()) ?? '{}') as {
    app: { newCallShortcut: { state: string } };
  };
  expect(report.app.newCallShortcut.state).toBe('taken');
});
