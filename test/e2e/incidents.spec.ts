import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** A Tuesday, 10:00 in the site's zone (Asia/Shanghai): working hours, so the working-hours deadlines apply. */
const TUESDAY_10 = new Date('2025-03-04T10:00:00+08:00');

async function openConsole(page: Page, url: string) {
  await page.clock.install({ time: TUESDAY_10 });
  await page.goto(url);
  await expect(page.getByTestId('tray-panel')).toBeVisible();
}

async function trayClick(page: Page, ...path: string[]) {
  const panel = page.getByTestId('tray-panel');
  const last = path.pop() ?? '';
  for (const label of path) await panel.locator('summary', { hasText: label }).first().click();
  await panel.getByRole('button', { name: last, exact: true }).click();
}

const steps = (page: Page) => page.getByTestId('step');

// These walk through whole escalations on a shared, busy machine: give them room.
test.describe.configure({ timeout: 90_000 });

test('declare from the tray, escalate against the clock, raise the level, and find it all after a reload', async ({
  page,
  harness,
}) => {
  await openConsole(page, harness.url);
  await trayClick(page, '宣布事件', '应用程序/网络/ACD系统故障', '紧急');

  await page.keyboard.press('Alt+2');
  const board = page.getByTestId('incident-board');
  await expect(board).toHaveCount(1);
  await expect(board.getByTestId('incident-level')).toHaveText('紧急');
  // 紧急 in working hours: notify the owner within 10 min, report upward within 15.
  await expect(page.getByTestId('clock-notifyOwner')).toContainText('10:10');
  await expect(page.getByTestId('clock-reportUp')).toContainText('10:15');
  await expect(steps(page)).toHaveCount(8);
  const owner = steps(page).first();
  await expect(owner).toHaveAttribute('data-role', 'cs-manager');
  await expect(owner).toHaveAttribute('data-status', 'to-call');
  await expect(owner.getByRole('link', { name: '+86 000 0000 0003' })).toHaveAttribute(
    'href',
    'tel:+8600000000003',
  );
  await expect(owner.getByTestId('step-countdown')).toContainText('剩余 ');
  // The tray knows who to call next.
  await expect(page.getByTestId('tray-panel')).toHaveAttribute('data-icon', 'incident');
  await expect(page.getByTestId('tray-panel')).toContainText('已通知 Example CS Manager 示例客服经理');

  // 8 minutes on: due within 2 minutes. 2 more and a second: overdue, in red, and the tray icon says so.
  await page.clock.fastForward('08:00');
  await expect(owner).toHaveAttribute('data-urgency', 'due-soon');
  await page.clock.fastForward('02:01');
  await expect(owner).toHaveAttribute('data-urgency', 'overdue');
  await expect(page.getByTestId('clock-notifyOwner')).toHaveAttribute('data-urgency', 'overdue');
  await expect(owner.getByTestId('step-countdown')).toContainText('已超时 0:0');
  await expect(board).toHaveAttribute('data-urgency', 'overdue');
  await expect(page.getByTestId('tray-panel')).toHaveAttribute('data-icon', 'overdue');

  // Notified from the tray, acknowledged on the board.
  await trayClick(
    page,
    '已通知 Example CS Manager 示例客服经理（客服部经理）· 应用程序/网络/ACD系统故障 · 紧急',
  );
  await expect(owner).toHaveAttribute('data-status', 'waiting');
  await owner.getByRole('button', { name: '已确认' }).click();
  await expect(owner).toHaveAttribute('data-status', 'acknowledged');
  await expect(owner.getByTestId('step-status')).toContainText('Example CS Manager 示例客服经理 已确认');
  await expect(page.getByTestId('clock-notifyOwner')).toHaveAttribute('data-urgency', 'ok');

  // Nobody answers the service director: after the retry the chain moves to... the same person (one holder), round 2.
  const director = steps(page).nth(1);
  await director.getByRole('button', { name: '未接通 → 下一位' }).click();
  await expect(director.getByTestId('step-status')).toContainText('第 2/2 次 · 第 1/2 轮');

  // Raise the level from the tray: the chain and the clocks are those of 重大 now, counted from the raise.
  await trayClick(page, '提升级别：应用程序/网络/ACD系统故障 · 紧急 → 重大');
  await expect(board.getByTestId('incident-level')).toHaveText('重大');
  await expect(steps(page)).toHaveCount(9);
  await expect(steps(page).first()).toHaveAttribute('data-status', 'to-call');
  await expect(page.getByTestId('clock-notifyOwner')).toContainText('10:15');

  // The unified statement is on every page.
  await board.getByLabel('统一口径内容（由负责人确认后发布）').fill('系统故障正在抢修，请客户稍后再试。');
  await board.getByRole('button', { name: '发布统一口径' }).click();
  await expect(page.getByTestId('banner-statement')).toContainText('系统故障正在抢修');

  await page.reload();
  await expect(page.getByTestId('tray-panel')).toBeVisible();
  await page.keyboard.press('Alt+2');
  await expect(board.getByTestId('incident-level')).toHaveText('重大');
  await expect(steps(page)).toHaveCount(9);
  await expect(page.getByTestId('banner-statement')).toContainText('系统故障正在抢修');
  const timeline = board.getByTestId('timeline');
  await expect(timeline).toContainText('宣布事件：应用程序/网络/ACD系统故障，紧急');
  await expect(timeline).toContainText('已确认：Example CS Manager 示例客服经理（客服部经理）');
  await expect(timeline).toContainText('级别 紧急 → 重大：从托盘菜单提升级别');
  // Every action is in the outbox for the centre, and main kept no tray action unconfirmed.
  expect(await harness.control('tray-pending', {})).toEqual({ count: 0 });
});

test('the declare dialog suggests the level from the call sheet and asks why when overridden', async ({
  page,
  harness,
}) => {
  await openConsole(page, harness.url);
  await page.getByLabel('坐席', { exact: true }).fill('王芳');
  for (let i = 0; i < 5; i++) {
    await page.getByLabel('来电号码', { exact: true }).fill(`138 1234 56${String(i).padStart(2, '0')}`);
    await page.getByLabel('问题类型').selectOption({ label: '4 登录异常' });
    await page.getByLabel('问题描述').fill('登录失败');
    await page.getByLabel('问题描述').press('Enter');
  }
  await expect(page.getByTestId('call-row')).toHaveCount(5);

  await page.keyboard.press('Alt+D');
  const dialog = page.getByRole('dialog', { name: '宣布事件' });
  await expect(dialog.getByLabel('场景')).toBeFocused();
  await expect(dialog.getByTestId('declare-suggestion')).toContainText('建议级别：严重');
  await expect(dialog.getByTestId('declare-suggestion')).toContainText('login-failure ordinary 5/h');
  await expect(dialog.getByTestId('declare-suggestion')).toContainText('必须上报');

  // Overriding without a reason is refused, with the reason why.
  await dialog.getByRole('combobox', { name: '级别' }).selectOption({ label: '重大' });
  await dialog.getByRole('button', { name: '宣布' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('所选级别与建议级别（严重）不同，请填写原因。');
  await dialog.getByRole('combobox', { name: '级别' }).selectOption({ label: '严重' });

  // Three keys: the dialog is open on the list; ↓ picks the second scenario; Enter declares at the suggested level.
  await dialog.getByLabel('场景').press('ArrowDown');
  await dialog.getByLabel('场景').press('Enter');
  await expect(dialog).toBeHidden();
  const board = page.getByTestId('incident-board');
  await expect(board.getByTestId('incident-level')).toHaveText('严重');
  await expect(board.getByRole('heading', { level: 2 })).toContainText('应用程序/网络/ACD系统故障');
  // 严重 in working hours: the CS supervisor within 15 min.
  await expect(page.getByTestId('step').first()).toHaveAttribute('data-role', 'cs-supervisor');
  await expect(page.getByTestId('clock-notifyOwner')).toContainText('10:15');
});

test('a tray click made before the console is open is carried out once it is', async ({ page, harness }) => {
  expect(
    await harness.control('tray-click', { kind: 'declare', scenario: 'power-cut', level: 'major' }),
  ).toEqual({
    queued: true,
  });
  expect(await harness.control('tray-pending', {})).toEqual({ count: 1 });
  await openConsole(page, harness.url);
  await page.keyboard.press('Alt+2');
  await expect(page.getByTestId('incident-board').getByRole('heading', { level: 2 })).toContainText('断电');
  await expect(page.getByTestId('incident-level')).toHaveText('重大');
  await expect.poll(() => harness.control('tray-pending', {})).toEqual({ count: 0 });
  // Delivered once: a reload does not declare it again.
  await page.reload();
  await expect(page.getByTestId('tray-panel')).toBeVisible();
  await page.keyboard.press('Alt+2');
  await expect(page.getByTestId('incident-board')).toHaveCount(1);
});

test('the contact tree: command centre, teams, roles, on duty, search', async ({ page, harness }) => {
  await openConsole(page, harness.url);
  await page.keyboard.press('Alt+4');
  await expect(page.getByTestId('command-centre')).toContainText('应急指挥中心(示例)');
  await expect(page.getByText('通讯录由站点策略维护，控制台中只读。')).toBeVisible();
  // Read-only: no way to change the tree here.
  await expect(page.getByRole('button', { name: '添加人员' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '编辑' })).toHaveCount(0);
  // Searching a team finds its people; a role label finds its holder.
  await page.getByLabel('搜索姓名、角色、电话').fill('运维');
  await expect(page.getByTestId('person')).toHaveCount(3);
  await page.getByLabel('搜索姓名、角色、电话').fill('it ops');
  await expect(page.getByTestId('person')).toHaveCount(1);
  await expect(page.getByTestId('person')).toContainText('Example IT Ops 示例运维');
  await expect(page.getByTestId('person')).toContainText('在岗');
  await page.getByLabel('搜索姓名、角色、电话').fill('0000 0021');
  await expect(page.getByTestId('person')).toContainText('中心经理');
  await page.getByLabel('搜索姓名、角色、电话').fill('nobody');
  await expect(page.getByText('没有匹配“nobody”的联系人。')).toBeVisible();
});

test.describe('when the chain runs out', () => {
  // One try per person, one round: the first "no answer" exhausts the owner step.
  test.use({ sitePolicy: { escalation: { retriesPerPerson: 0, chainCycles: 1 } } });

  test('the board alarms the command centre until someone records the alert, and a late call-back still counts', async ({
    page,
    harness,
  }) => {
    await openConsole(page, harness.url);
    await trayClick(page, '宣布事件', '应用程序/网络/ACD系统故障', '紧急');
    await page.keyboard.press('Alt+2');
    const owner = steps(page).first();
    await owner.getByRole('button', { name: '未接通 → 下一位' }).click();
    await expect(owner).toHaveAttribute('data-status', 'exhausted');

    const alarm = page.getByTestId('command-centre-alarm');
    await expect(alarm).toHaveAttribute('data-state', 'owed');
    await expect(alarm).toContainText('通知链已用尽，无人确认：立即电话通知应急指挥中心(示例)');
    await expect(alarm.getByRole('link', { name: '+86 000 0000 0000' })).toHaveAttribute(
      'href',
      'tel:+8600000000000',
    );
    // Red now, although no deadline has passed yet.
    await expect(page.getByTestId('incident-board')).toHaveAttribute('data-urgency', 'overdue');
    await expect(page.getByTestId('tray-panel')).toHaveAttribute('data-icon', 'overdue');

    await page.clock.fastForward('01:00');
    await alarm.getByRole('button', { name: '已通知应急指挥中心' }).click();
    await expect(alarm).toHaveAttribute('data-state', 'alerted');
    await expect(alarm).toContainText('已于 10:01 通知应急指挥中心(示例)');
    await expect(page.getByTestId('incident-board')).not.toHaveAttribute('data-urgency', 'overdue');
    await expect(page.getByTestId('timeline')).toContainText('已通知应急指挥中心');

    await owner.getByRole('button', { name: /回电确认/ }).click();
    await expect(owner).toHaveAttribute('data-status', 'acknowledged');

    await page.reload();
    await expect(page.getByTestId('tray-panel')).toBeVisible();
    await page.keyboard.press('Alt+2');
    await expect(page.getByTestId('command-centre-alarm')).toHaveAttribute('data-state', 'alerted');
    await expect(steps(page).first()).toHaveAttribute('data-status', 'acknowledged');
  });
});

test.describe('when the policy lets leads edit the contact tree', () => {
  test.use({ sitePolicy: { allowContactEdits: true } });

  test('a lead changes who is on duty and adds a person; the chain follows and it survives a reload', async ({
    page,
    harness,
  }) => {
    await openConsole(page, harness.url);
    await page.keyboard.press('Alt+4');
    await expect(page.getByText('站点策略允许组长在控制台中编辑通讯录')).toBeVisible();
    const manager = page.getByTestId('person').filter({ hasText: '示例客服经理' });
    await manager.getByRole('button', { name: '设为不在岗' }).click();
    await expect(manager).toContainText('不在岗');

    await page.getByRole('button', { name: '添加人员' }).click();
    const editor = page.getByTestId('contact-editor');
    await editor.getByLabel('姓名').fill('张伟');
    await editor.getByLabel('角色').selectOption({ label: '客服部经理' });
    await editor.getByLabel('电话').fill('abc');
    await editor.getByRole('button', { name: '保存' }).click();
    await expect(editor.getByRole('alert')).toHaveText('电话号码“abc”无效：需含数字，长度 3–32 个字符。');
    await expect(page.getByTestId('person').filter({ hasText: '张伟' })).toHaveCount(0);
    await editor.getByLabel('电话').fill('138 0000 1111, 021-5555 0000');
    await editor.getByRole('button', { name: '保存' }).click();
    await expect(page.getByTestId('contacts-notice')).toHaveText('已保存 张伟，将同步到本站所有席位。');
    const added = page.getByTestId('person').filter({ hasText: '张伟' });
    await expect(added).toContainText('在岗');
    await expect(added.getByRole('link', { name: '021-5555 0000' })).toBeVisible();

    // The escalation chain calls the on-duty holder first: the new manager, not the one now off duty.
    await trayClick(page, '宣布事件', '应用程序/网络/ACD系统故障', '紧急');
    await page.keyboard.press('Alt+2');
    const owner = steps(page).first();
    await expect(owner).toHaveAttribute('data-role', 'cs-manager');
    await expect(owner.getByTestId('person').first()).toContainText('张伟');
    await expect(owner.getByRole('button', { name: '已通知' })).toBeVisible();
    await expect(page.getByTestId('tray-panel')).toContainText('已通知 张伟');

    await page.reload();
    await expect(page.getByTestId('tray-panel')).toBeVisible();
    await page.keyboard.press('Alt+4');
    await expect(page.getByTestId('person').filter({ hasText: '张伟' })).toHaveCount(1);
    await expect(page.getByTestId('person').filter({ hasText: '示例客服经理' })).toContainText('不在岗');

    page.once('dialog', (dialog) => void dialog.accept());
    await page
      .getByTestId('person')
      .filter({ hasText: '张伟' })
      .getByRole('button', { name: '删除' })
      .click();
    await expect(page.getByTestId('person').filter({ hasText: '张伟' })).toHaveCount(0);
  });
});
