import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';

/** A Tuesday, 10:00 in the site's zone (Asia/Shanghai), as in the incidents suite. */
const TUESDAY_10 = new Date('2025-03-04T10:00:00+08:00');

// Whole incidents against the clock, with reloads and PDFs, on a shared machine: give them room.
test.describe.configure({ timeout: 90_000 });

/**
 * Records what the page asks of the desktop instead of opening dialogs: `window.print()` calls and the desktop
 * notifications it raises. An init script, so it runs before the app under the strict CSP.
 */
async function watchDesktop(page: Page) {
  await page.addInitScript(() => {
    const record = window as unknown as { printed: number; notified: string[] };
    record.printed = 0;
    record.notified = [];
    window.print = () => {
      record.printed += 1;
    };
    // Called with `new` by the app; a plain function records the title just as well.
    function RecordingNotification(title: string) {
      record.notified.push(title);
    }
    RecordingNotification.permission = 'granted';
    RecordingNotification.requestPermission = async () => 'granted';
    Object.defineProperty(window, 'Notification', { value: RecordingNotification });
  });
}

const printed = (page: Page) => page.evaluate(() => (window as unknown as { printed: number }).printed);
const notified = (page: Page) => page.evaluate(() => (window as unknown as { notified: string[] }).notified);

async function openConsole(page: Page, url: string) {
  await watchDesktop(page);
  await page.clock.install({ time: TUESDAY_10 });
  await page.goto(url);
  await expect(page.getByTestId('tray-panel')).toBeVisible();
}

/** The shortcuts are bound once the frame is drawn: wait for it before pressing keys. */
async function reloadConsole(page: Page) {
  await page.reload();
  await expect(page.getByTestId('tray-panel')).toBeVisible();
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('处置清单');
}

async function signIn(page: Page, name: string) {
  await page.keyboard.press('Alt+7');
  await page.getByLabel('坐席姓名').fill(name);
  await page.getByLabel('席位号').fill('A-01');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存')).toBeVisible();
}

async function declareFromTray(page: Page, scenario: string, level: string) {
  const panel = page.getByTestId('tray-panel');
  await panel.locator('summary', { hasText: '宣布事件' }).first().click();
  await panel.locator('summary', { hasText: scenario }).first().click();
  await panel.getByRole('button', { name: level, exact: true }).click();
}

async function switchToEnglish(page: Page) {
  await page.getByRole('button', { name: '语言' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Checklist');
}

/** The PDF the print view gives (Chromium prints with the print CSS), as text. */
async function printedText(page: Page, testInfo: TestInfo, name: string): Promise<string> {
  const file = testInfo.outputPath(`${name}.pdf`);
  writeFileSync(file, await page.pdf({ format: 'A4' }));
  // Reading order keeps each table cell's text together; line wraps within a cell become single spaces.
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

const step = (page: Page, id: string) => page.locator(`[data-testid="checklist-step"][data-step="${id}"]`);
const steps = (page: Page) => page.getByTestId('checklist-step');

test('the application-failure checklist runs against the clock, by keyboard, survives a reload and prints', async ({
  page,
  harness,
}, testInfo) => {
  await openConsole(page, harness.url);
  await signIn(page, 'Wang Fang');
  await declareFromTray(page, '应用程序/网络/ACD系统故障', '紧急');

  await page.keyboard.press('Alt+3');
  const running = page.getByTestId('running-checklist');
  await expect(running).toContainText('应用程序/网络/ACD系统故障');
  await expect(running).toContainText('模板 application-failure 第 1 版');
  // Two steps wait for "not recovered within 10 / 60 minutes"; the other 11 are on the list.
  await expect(steps(page)).toHaveCount(11);
  await expect(step(page, 'notify-operations-vp')).toHaveCount(0);
  await expect(page.getByTestId('checklist-later')).toContainText('10:10 仍未恢复则出现');
  await expect(step(page, 'report-supervisor').getByTestId('step-clock')).toContainText('剩余 4:');
  await expect(step(page, 'report-supervisor').getByTestId('step-clock')).toContainText('时限 10:05');
  await expect(page.getByTestId('checklist-progress-text')).toHaveText('已完成 0 · 已跳过 0 · 共 11 项');

  // Keyboard: the list has the keys on arrival. Space ticks the first step, ↓ moves, S asks why before skipping.
  await expect(step(page, 'log-symptom')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(step(page, 'log-symptom')).toHaveAttribute('data-state', 'done');
  await expect(step(page, 'log-symptom').getByTestId('step-who')).toHaveText('Wang Fang（A-01）10:00 完成');
  await page.keyboard.press('ArrowDown');
  await expect(step(page, 'notify-it')).toBeFocused();
  await page.keyboard.press('s');
  const reason = step(page, 'notify-it').getByLabel('跳过原因');
  await expect(reason).toBeFocused();
  await reason.press('Enter');
  await expect(step(page, 'notify-it').getByRole('alert')).toHaveText('跳过需要填写原因。');
  await reason.fill('IT already on site');
  await reason.press('Enter');
  await expect(step(page, 'notify-it')).toHaveAttribute('data-state', 'skipped');
  await expect(step(page, 'notify-it').getByTestId('step-who')).toContainText('跳过：IT already on site');
  // Back on the step: N writes a note without touching the mouse.
  await expect(step(page, 'notify-it')).toBeFocused();
  await page.keyboard.press('n');
  await step(page, 'notify-it').getByLabel('备注内容').fill('Li from IT at the ACD rack');
  await page.keyboard.press('Enter');
  await expect(step(page, 'notify-it').getByTestId('step-notes')).toContainText(
    'Wang Fang（A-01）：Li from IT at the ACD rack',
  );
  await expect(page.getByTestId('checklist-progress-text')).toHaveText('已完成 1 · 已跳过 1 · 共 11 项');

  // 5 minutes and a second on: the supervisor report is overdue, in red, and the desktop is told.
  await page.clock.fastForward('05:01');
  await expect(step(page, 'report-supervisor')).toHaveAttribute('data-overdue', 'true');
  await expect(step(page, 'report-supervisor').getByTestId('step-clock')).toContainText('已超时 0:0');
  await expect
    .poll(() => notified(page))
    .toContain('处置清单已超时：5分钟内上报呼叫中心主管,并安排好现场秩序。');
  await step(page, 'report-supervisor').getByRole('button', { name: '完成', exact: true }).click();
  await expect(step(page, 'report-supervisor')).toHaveAttribute('data-state', 'done');
  await expect(step(page, 'report-supervisor')).toHaveAttribute('data-overdue', 'false');

  // 10 minutes: not recovered, so "notify the operations VP" appears — and is due now.
  await page.clock.fastForward('05:00');
  await expect(steps(page)).toHaveCount(12);
  await expect(step(page, 'notify-operations-vp')).toHaveAttribute('data-overdue', 'true');
  // The box is for the mouse: a click records the tick (the state comes back from the log a moment later).
  await step(page, 'notify-operations-vp').getByRole('checkbox').click();
  await expect(step(page, 'notify-operations-vp')).toHaveAttribute('data-state', 'done');

  // 60 minutes: the vendor step appears and the hourly status update is owed.
  await page.clock.fastForward('50:00');
  await expect(steps(page)).toHaveCount(13);
  await expect(step(page, 'consider-vendor')).toBeVisible();
  await expect(step(page, 'status-update')).toHaveAttribute('data-overdue', 'true');
  await expect(page.getByTestId('checklist-progress-text')).toHaveText('已完成 3 · 已跳过 1 · 共 13 项');

  // Everything is in the incident log: a reload finds it all.
  await reloadConsole(page);
  await expect(steps(page)).toHaveCount(13);
  await expect(step(page, 'log-symptom')).toHaveAttribute('data-state', 'done');
  await expect(step(page, 'notify-it')).toHaveAttribute('data-state', 'skipped');
  await expect(step(page, 'notify-it').getByTestId('step-notes')).toContainText('Li from IT at the ACD rack');
  await expect(step(page, 'report-supervisor')).toHaveAttribute('data-state', 'done');
  await expect(step(page, 'notify-operations-vp').getByTestId('step-who')).toContainText('Wang Fang');
  // The timeline of the incident shows the checklist work too.
  await page.keyboard.press('Alt+2');
  await expect(page.getByTestId('timeline')).toContainText('处置清单');

  // Print. (English, because this machine has no CJK font for the PDF; the sheet follows the UI language.)
  await page.keyboard.press('Alt+3');
  await switchToEnglish(page);
  await page.getByRole('button', { name: 'Print checklist' }).click();
  expect(await printed(page)).toBe(1);
  const pdf = await printedText(page, testInfo, 'running-checklist');
  expect(pdf).toContain('Application, network or ACD failure');
  expect(pdf).toContain('Tell the shift lead at once');
  // Each acted-on step says who and when; what is still owed says so.
  expect(pdf).toContain('Done Wang Fang · A-01 · 10:00');
  expect(pdf).toContain('Skipped Wang Fang · A-01 · 10:00 IT already on site');
  expect(pdf).toContain('Done Wang Fang · A-01 · 10:05');
  expect(pdf).toContain('Done Wang Fang · A-01 · 10:10');
  // What is still owed past its time says so (cell text may wrap, so only the short words are checked).
  expect(pdf).toContain('10:30 ·');
  expect(pdf).toContain('overdue');
  expect(pdf).toContain('10:00 Wang Fang (A-01): Li from IT at the ACD rack');
  expect(pdf).toContain('3 done · 1 skipped · 13 steps');
  // Only the sheet is printed: not the navigation, the buttons or the scripts panel.
  expect(pdf).not.toContain('Call sheet');
  expect(pdf).not.toContain('Search scripts');
});

test('a blank template prints for paper, and scripts are searchable and copy to the clipboard', async ({
  page,
  harness,
  context,
}, testInfo) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openConsole(page, harness.url);
  await page.keyboard.press('Alt+3');
  await expect(page.getByText('当前没有事件。')).toBeVisible();

  // Scripts: search in either language, copy with one click.
  await page.getByLabel('搜索话术').fill('投诉');
  await expect(page.getByTestId('script-list').getByTestId('script')).toHaveCount(2);
  // English words and tags find scripts on the Chinese screen too.
  await page.getByLabel('搜索话术').fill('callback');
  await expect(page.getByTestId('script-list').getByTestId('script')).toHaveCount(3);
  await page.getByLabel('搜索话术').fill('媒体 采访');
  const media = page.getByTestId('script-list').getByTestId('script');
  await expect(media).toHaveCount(1);
  await media.getByRole('button', { name: '复制 媒体:礼貌谢绝采访' }).click();
  await expect(media.getByRole('status')).toHaveText('已复制“媒体:礼貌谢绝采访”');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    '您好,未经公司允许,我们不能接受采访,也不便请您进入工作区域,请您谅解。',
  );
  await page.getByLabel('搜索话术').fill('zzz');
  await expect(page.getByText('没有匹配“zzz”的话术。')).toBeVisible();

  // A blank sheet of the fire plan, for the binder by the door.
  await switchToEnglish(page);
  await page.getByLabel('Template', { exact: true }).selectOption({ label: 'Fire (v1)' });
  await page.getByRole('button', { name: 'Print blank template' }).click();
  expect(await printed(page)).toBe(1);
  const pdf = await printedText(page, testInfo, 'blank-fire');
  expect(pdf).toContain('Fire');
  expect(pdf).toContain('119');
  expect(pdf).toContain('Declared at: __________');
  expect(pdf).toContain('Call the fire brigade on 119 now.');
  expect(pdf).toMatch(/At once/);
  expect(pdf).toContain('Within 2 min');
  // Every step has a line to sign on paper.
  expect(pdf.match(/Done by _+/g)).toHaveLength(5);
  expect(pdf).not.toContain('Search scripts');
});

test('a surge call-in list counts confirmations against the pool and remembers the agent count', async ({
  page,
  harness,
}) => {
  await openConsole(page, harness.url);
  await signIn(page, 'Wang Fang');
  await declareFromTray(page, '呼入量异常增长', '紧急');
  await page.keyboard.press('Alt+3');
  // The incident's checklist is up (so its clock has started) before the clock jumps; tier 2 is not in it yet.
  await expect(page.getByTestId('running-checklist')).toContainText('呼入量异常增长');
  await expect(steps(page).first()).toBeVisible();
  await expect(step(page, 'tier-2-call-in')).toHaveCount(0);

  // Still not under control after 30 minutes: tier 2, call in the standby pool (10 % of the agents).
  await page.clock.fastForward('30:01');
  const tier2 = step(page, 'tier-2-call-in');
  await expect(tier2).toBeVisible();
  await expect(tier2.getByTestId('callin-progress')).toHaveText('已确认 0/6 人');
  await tier2.getByLabel('在册坐席人数').fill('40');
  await expect(tier2.getByTestId('callin-progress')).toHaveText('已确认 0/4 人');
  for (const person of ['Li Lei', ' li  lei ', 'Han Meimei']) {
    await tier2.getByLabel('确认到岗人员姓名').fill(person);
    await tier2.getByRole('button', { name: '记录到岗确认' }).click();
    await expect(tier2.getByLabel('确认到岗人员姓名')).toHaveValue('');
  }
  // The same person typed twice is one person.
  await expect(tier2.getByTestId('callin-progress')).toHaveText('已确认 2/4 人');

  await reloadConsole(page);
  await expect(tier2.getByLabel('在册坐席人数')).toHaveValue('40');
  await expect(tier2.getByTestId('callin-progress')).toHaveText('已确认 2/4 人');
  await expect(tier2).toContainText('Han Meimei');
});
