import type { Browser, Page } from '@playwright/test';
import { expect, test, type CentralFixture } from './fixtures';
import { enrol, openPlace, startSeat, syncNow } from './seats';

// Two seats, a central server on PGlite and several sync rounds.
test.setTimeout(150_000);

/** A scenario the plan does not have, added by the site policy of seat A only. */
const TYPHOON = {
  id: 'typhoon',
  scenarioId: 'typhoon',
  version: 2,
  title: { zh: '台风（本站）', en: 'Typhoon (site)' },
  steps: [
    {
      id: 'close-windows',
      owner: 'shift-lead',
      text: { zh: '关好门窗，检查机房漏水。', en: 'Close windows; check the server room for leaks.' },
      dueAfterMinutes: 10,
    },
    {
      id: 'send-home',
      owner: 'centre-manager',
      text: { zh: '安排非值班员工安全回家。', en: 'Send off-duty staff home safely.' },
      dueAfterMinutes: 30,
    },
  ],
};

const step = (page: Page, id: string) => page.locator(`[data-testid="checklist-step"][data-step="${id}"]`);

async function seat(
  browser: Browser,
  central: CentralFixture,
  name: string,
  policy: Record<string, unknown>,
) {
  const harness = await startSeat(central, policy);
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.goto(harness.url);
  await enrol(page, central, name);
  await page.getByLabel('坐席姓名').fill(name === 'A-01' ? '王芳' : '李雷');
  await page.getByLabel('席位号').fill(name);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  return {
    page,
    async close() {
      await context.close();
      await harness.close();
    },
  };
}

test('a site template from the policy runs on every seat, and steps checked on two seats merge after sync', async ({
  browser,
  central,
}) => {
  const a = await seat(browser, central, 'A-01', { checklists: { templates: [TYPHOON] } });
  // Seat B's policy does not have the template: it runs the copy recorded in the declaration.
  const b = await seat(browser, central, 'B-02', {});
  try {
    await a.page.keyboard.press('Alt+D');
    const scenarios = a.page.getByLabel('场景');
    await expect(scenarios.locator('optgroup[label="本站场景"] option')).toHaveText(['台风（本站）']);
    await scenarios.selectOption({ label: '台风（本站）' });
    await scenarios.press('Enter');
    // A site scenario is named by its template's title wherever the incident shows.
    await openPlace(a.page, '事件');
    await expect(a.page.getByTestId('incident-board').getByRole('heading', { level: 2 })).toContainText(
      '台风（本站）',
    );
    await openPlace(a.page, '处置清单');
    await expect(a.page.getByTestId('running-checklist')).toContainText('模板 typhoon 第 2 版');
    await expect(a.page.getByTestId('checklist-step')).toHaveCount(2);
    await syncNow(a.page);

    await syncNow(b.page);
    await openPlace(b.page, '处置清单');
    await expect(b.page.getByTestId('running-checklist')).toContainText('台风（本站）');
    await expect(b.page.getByTestId('running-checklist')).toContainText('模板 typhoon 第 2 版');
    await expect(b.page.getByTestId('checklist-step')).toHaveCount(2);

    // Both seats tick a different step before either hears of the other's.
    await step(a.page, 'close-windows').getByRole('button', { name: '完成', exact: true }).click();
    await step(b.page, 'send-home').getByRole('button', { name: '完成', exact: true }).click();
    await expect(step(a.page, 'close-windows')).toHaveAttribute('data-state', 'done');
    await expect(step(a.page, 'send-home')).toHaveAttribute('data-state', 'pending');

    await syncNow(a.page);
    await syncNow(b.page);
    await syncNow(a.page);
    for (const page of [a.page, b.page]) {
      await expect(step(page, 'close-windows')).toHaveAttribute('data-state', 'done');
      await expect(step(page, 'send-home')).toHaveAttribute('data-state', 'done');
      await expect(step(page, 'close-windows').getByTestId('step-who')).toContainText('王芳（A-01）');
      await expect(step(page, 'send-home').getByTestId('step-who')).toContainText('李雷（B-02）');
      await expect(page.getByTestId('checklist-progress-text')).toHaveText('已完成 2 · 已跳过 0 · 共 2 项');
    }
  } finally {
    await a.close();
    await b.close();
  }
});

test('what the centre publishes — a contact tree and a checklist — reaches a seat with its next sync', async ({
  browser,
  central,
}) => {
  const a = await seat(browser, central, 'A-01', {});
  try {
    const people = [
      {
        id: 'duty-lead',
        name: '赵敏',
        role: 'shift-lead',
        phones: ['021-6666 0001'],
        onDuty: true,
        team: 'cs',
      },
    ];
    const contacts = await central.request('PUT', `/v1/admin/sites/${central.site.code}/config/contacts`, {
      body: { commandCentre: { phones: ['021-6666 0000'] }, people },
    });
    expect(contacts.status).toBeLessThan(300);
    const checklists = await central.request(
      'PUT',
      `/v1/admin/sites/${central.site.code}/config/checklists`,
      {
        body: { templates: [TYPHOON] },
      },
    );
    expect(checklists.status).toBeLessThan(300);
    await syncNow(a.page);

    await openPlace(a.page, '通讯录');
    await expect(a.page.getByTestId('command-centre')).toContainText('021-6666 0000');
    await expect(a.page.getByTestId('person')).toHaveCount(1);
    await expect(a.page.getByTestId('person')).toContainText('赵敏');

    await a.page.keyboard.press('Alt+D');
    await expect(a.page.getByLabel('场景').locator('optgroup[label="本站场景"] option')).toHaveText([
      '台风（本站）',
    ]);
  } finally {
    await a.close();
  }
});
