import { expect, goOffline, test } from './fixtures';
import { logSavedCall } from './calls';
import { enrol, openPlace, startSeat } from './seats';

// PGlite's first open and two seats take longer than the default 30 s.
test.setTimeout(120_000);

const CALLS = [
  { phone: '138 1234 5678', type: '4 登录异常', summary: '断网时登记：登录提示密码错误' },
  { phone: '010-62345678', type: '6 支付异常', summary: '断网时登记：充值未到账' },
  { phone: '139 8765 4321', type: '4 登录异常', summary: '断网时登记：验证码收不到' },
];

test('calls logged offline reach the centre when the network returns, and appear on a second seat', async ({
  browser,
  central,
  context,
}) => {
  // Seat A: its own harness (main services) with a site policy pointing at this test's central server.
  const seatA = await startSeat(central);
  const pageA = await context.newPage();
  await pageA.goto(seatA.url);
  await enrol(pageA, central, 'A-01');
  await expect(pageA.getByTestId('status-sync')).toHaveAttribute('data-phase', 'idle');

  await openPlace(pageA, '手工记录表');
  await pageA.getByLabel('坐席', { exact: true }).fill('王芳');
  await goOffline(pageA, context);
  for (const call of CALLS) await logSavedCall(pageA, call);
  await expect(pageA.getByTestId('call-row')).toHaveCount(3);
  await expect(pageA.getByTestId('status-pending')).toHaveText('待同步 3 条');
  await expect(pageA.getByTestId('status-sync')).toHaveAttribute('data-phase', 'offline');
  // Nothing left the seat while offline (the page's socket to main is cut too, as its network is).
  expect((await central.changes()).filter((c) => c.entity === 'call')).toHaveLength(0);

  await context.setOffline(false);
  await expect(pageA.getByTestId('status-pending')).toHaveText('待同步 0 条', { timeout: 20_000 });
  const atCentre = (await central.changes()).filter((c) => c.entity === 'call');
  expect(atCentre.map((c) => (c.data as { summary: string }).summary).sort()).toEqual(
    CALLS.map((c) => c.summary).sort(),
  );
  await expect(pageA.getByTestId('status-sync-line')).toContainText('上次同步');

  // Seat B: a second data folder and a second browser context, enrolled on the same site.
  const seatB = await startSeat(central);
  const contextB = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  try {
    const pageB = await contextB.newPage();
    await pageB.goto(seatB.url);
    await enrol(pageB, central, 'B-02');
    await openPlace(pageB, '手工记录表');
    await expect(pageB.getByTestId('call-row')).toHaveCount(3, { timeout: 20_000 });
    for (const call of CALLS) await expect(pageB.getByText(call.summary)).toBeVisible();
    await expect(pageB.getByTestId('status-pending')).toHaveText('待同步 0 条');
  } finally {
    await contextB.close();
    await seatB.close();
    await seatA.close();
  }
});

test('a wrong enrolment key is refused in the user language and nothing is stored', async ({
  central,
  console: page,
}) => {
  await openPlace(page, '设置');
  const form = page.getByTestId('enrol-form');
  await form.getByLabel('中心服务器地址').fill(central.url);
  await form.getByLabel('站点代码').fill(central.site.code);
  await form.getByLabel('接入密钥').fill('fge_wrong');
  await form.getByLabel('设备名称').fill('A-01');
  await form.getByRole('button', { name: '接入', exact: true }).click();
  await expect(page.getByTestId('enrol-error')).toContainText('站点代码或接入密钥不正确');
  await expect(page.getByTestId('status-sync')).toContainText('未接入中心');
  await page.getByRole('button', { name: '语言' }).click();
  await form.getByRole('button', { name: 'Enrol', exact: true }).click();
  await expect(page.getByTestId('enrol-error')).toContainText('Wrong site code or enrolment key');
});
