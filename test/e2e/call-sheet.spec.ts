import { readFileSync } from 'node:fs';
import { expect, goOffline, test } from './fixtures';
import { holdStore, logCall, logSavedCall } from './calls';

test.beforeEach(async ({ console: page }) => {
  await page.getByLabel('坐席', { exact: true }).fill('王芳');
});

test('three calls logged offline are still there after a reload', async ({
  console: page,
  context,
  harness,
}) => {
  await goOffline(page, context);
  await expect(page.getByTestId('status-network')).toHaveText('网络中断');

  await logCall(page, { phone: '138 1234 5678', type: '4 登录异常', summary: '登录提示密码错误' });
  // Offline emulation also cuts the harness socket (Electron IPC never goes down): the journal copy is parked.
  await expect(page.getByTestId('calls-notice')).toContainText('已保存到本机数据库');
  await expect(page.getByLabel('来电号码', { exact: true })).toBeFocused();
  await expect(page.getByLabel('来电号码', { exact: true })).toHaveValue('');
  await logSavedCall(page, { phone: '010-62345678', type: '6 支付异常', summary: '充值未到账' });
  await logCall(page, { phone: '+1 650 253 0000', type: '8 其他产品问题', summary: '页面文字错误' });
  await expect(page.getByTestId('call-row')).toHaveCount(3);

  // The harness serves the page over loopback HTTP, which offline emulation blocks (Electron loads it from disk),
  // so the reload happens once the network is back; nothing was sent anywhere in between.
  await context.setOffline(false);
  await page.reload();
  await expect(page.getByTestId('call-row')).toHaveCount(3);
  await expect(page.getByTestId('call-count')).toHaveText('共 3 / 3 条');
  await expect(page.getByText('充值未到账')).toBeVisible();

  // The journal copies parked while main was unreachable have reached it.
  await expect
    .poll(
      async () => {
        const r = await fetch(`${harness.url}__harness/journal-count`, { method: 'POST' });
        return ((await r.json()) as { count: number }).count;
      },
      { timeout: 15_000 },
    )
    .toBe(3);
});

test('a half-typed call survives a reload as a draft', async ({ console: page }) => {
  await page.getByLabel('来电号码', { exact: true }).fill('139 0000 1111');
  await page.getByLabel('问题描述').fill('客户说到一半');
  // At once: the last keys are written as the page goes, not after the draft writer's 150 ms.
  await page.reload();
  await expect(page.getByLabel('来电号码', { exact: true })).toHaveValue('139 0000 1111');
  await expect(page.getByLabel('问题描述')).toHaveValue('客户说到一半');
  await expect(page.getByTestId('calls-notice')).toHaveText('已恢复未保存的草稿');
});

test('a half-typed call survives a crash of the page, to the last key', async ({ console: page }) => {
  const cdp = await page.context().newCDPSession(page);
  await page.getByLabel('来电号码', { exact: true }).fill('139 0000 2222');
  // The number is in the stored draft by now; the summary typed next is not, for another 150 ms.
  await page.waitForTimeout(400);
  await page.getByLabel('问题描述').fill('客户说到最后一个字');
  // The renderer dies at once: no page events, no timers.
  const crashed = page.waitForEvent('crash');
  void cdp.send('Page.crash').catch(() => undefined);
  await crashed;
  const again = await page.context().newPage();
  await again.goto(page.url());
  // A new renderer starts the console from scratch: on a busy machine that takes a few seconds.
  await expect(again.getByLabel('来电号码', { exact: true })).toHaveValue('139 0000 2222', {
    timeout: 15_000,
  });
  await expect(again.getByLabel('问题描述')).toHaveValue('客户说到最后一个字');
  await expect(again.getByTestId('calls-notice')).toHaveText('已恢复未保存的草稿');
});

test('a call saved just before a crash does not come back as a draft', async ({ console: page }) => {
  const cdp = await page.context().newCDPSession(page);
  await logSavedCall(page, { phone: '139 0000 3333', type: '6 支付异常', summary: '刚刚保存' });
  const crashed = page.waitForEvent('crash');
  void cdp.send('Page.crash').catch(() => undefined);
  await crashed;
  const again = await page.context().newPage();
  await again.goto(page.url());
  await expect(again.getByTestId('call-row').filter({ hasText: '刚刚保存' })).toHaveCount(1, {
    timeout: 15_000,
  });
  await expect(again.getByLabel('来电号码', { exact: true })).toHaveValue('');
  await expect(again.getByLabel('问题描述')).toHaveValue('');
  await expect(again.getByText('已恢复未保存的草稿')).toHaveCount(0);
});

test('an invalid number shows the reason in the UI language and saves nothing', async ({ console: page }) => {
  await logCall(page, { phone: '62345678', type: '4 登录异常', summary: '无法登录' });
  await expect(page.getByRole('alert').filter({ hasText: '固定电话请加区号' })).toBeVisible();
  await expect(page.getByTestId('call-row')).toHaveCount(0);
  await expect(page.getByLabel('问题描述')).toHaveValue('无法登录');

  await page.getByRole('button', { name: '语言' }).click();
  await page.getByLabel('Caller number').fill('12345678901');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Not a valid number' })).toBeVisible();
  await expect(page.getByTestId('call-row')).toHaveCount(0);
});

test('the next call is typed while the last one is still being written, and every call is saved whole', async ({
  console: page,
}) => {
  // A busy disk: each save waits on the seat's database until the test lets it go, so the typing below always
  // happens while the call before is being written, however fast or slow this machine types.
  const phone = page.getByLabel('来电号码', { exact: true });
  const saved = { timeout: 15_000 };
  let busy = await holdStore(page, 'outbox');
  await logCall(page, { phone: '13812345678', type: '4 登录异常', summary: '第一通：登录失败' });
  // The next number straight after Enter, while the cursor is still in the summary: the first key empties the form
  // and moves the cursor to the number before it lands there.
  await page.keyboard.type('139', { delay: 30 });
  await expect(page.getByTestId('call-saving')).toHaveText('正在保存…（可继续录入下一通来电）');
  await expect(phone).toBeFocused();
  await expect(page.getByLabel('问题描述')).toHaveValue('');
  await expect(phone).toHaveValue('139');
  // The first save is confirmed under the agent's typing: what was typed stays, and the rest goes on after it.
  await busy.release();
  await expect(page.getByTestId('calls-notice')).toHaveText('已保存：138 1234 5678', saved);
  await expect(phone).toHaveValue('139');
  busy = await holdStore(page, 'outbox');
  await page.keyboard.type('00001111', { delay: 20 });
  await expect(phone).toHaveValue('13900001111');
  await page.getByLabel('问题类型').selectOption({ label: '6 支付异常' });
  await page.getByLabel('问题描述').fill('第二通：充值未到账');
  await page.getByLabel('问题描述').press('Enter');
  // Left alone after Enter, the form empties by itself with the cursor on the number.
  await expect(phone).toBeFocused();
  await expect(phone).toHaveValue('');
  // The third call, Enter included, while the second is still being written: saved once the second is.
  await logCall(page, { phone: '13700002222', type: '4 登录异常', summary: '第三通：验证码收不到' });
  await expect(page.getByTestId('call-saving')).toHaveText('正在保存…（可继续录入下一通来电）');
  await expect(page.getByTestId('call-row')).toHaveCount(1);
  await busy.release();
  await expect(page.getByTestId('calls-notice')).toHaveText('已保存：137 0000 2222', saved);
  await expect(page.getByTestId('call-row')).toHaveCount(3);
  const logged: [string, string][] = [
    ['138 1234 5678', '第一通：登录失败'],
    ['139 0000 1111', '第二通：充值未到账'],
    ['137 0000 2222', '第三通：验证码收不到'],
  ];
  for (const [number, summary] of logged) {
    await expect(page.getByTestId('call-row').filter({ hasText: number })).toContainText(summary);
  }
  await expect(phone).toHaveValue('');
  await expect(page.getByLabel('问题描述')).toHaveValue('');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the same number within 15 minutes offers to append instead of a second record', async ({
  console: page,
}) => {
  await logSavedCall(page, { phone: '13812345678', type: '4 登录异常', summary: '第一次来电' });
  await logCall(page, { phone: '138-1234-5678', type: '4 登录异常', summary: '又打来了' });
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('15 分钟内已登记过该号码');
  await dialog.getByRole('button', { name: '追加到该记录' }).click();
  await expect(page.getByTestId('call-row')).toHaveCount(1);
  await expect(page.getByTestId('calls-notice')).toHaveText('已追加到 138 1234 5678 的记录');
});

test('CSV export of a filtered list has the right rows and is UTF-8 with a BOM', async ({
  console: page,
}) => {
  await logSavedCall(page, { phone: '13812345678', type: '4 登录异常', summary: '登录失败, 提示"密码错误"' });
  await logSavedCall(page, { phone: '13900001111', type: '6 支付异常', summary: '充值未到账' });
  await logSavedCall(page, { phone: '13700002222', type: '4 登录异常', summary: '验证码收不到' });
  await page.getByLabel('全部类型').selectOption({ label: '登录异常' });
  await expect(page.getByTestId('call-row')).toHaveCount(2);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出 CSV（当前筛选）' }).click(),
  ]);
  const bytes = readFileSync((await download.path()) ?? '');
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  const lines = text.split('\r\n').filter(Boolean);
  expect(lines[0]?.split(',').slice(0, 3)).toEqual(['登记时间', '来电号码', '客户姓名']);
  expect(lines).toHaveLength(3);
  expect(text).toContain('"登录失败, 提示""密码错误"""');
  expect(text).toContain('验证码收不到');
  expect(text).not.toContain('充值未到账');
});

test('every saved call is journaled by main and comes back when IndexedDB is lost', async ({
  console: page,
  harness,
}) => {
  await logCall(page, { phone: '13812345678', type: '4 登录异常', summary: '记录一' });
  await logCall(page, { phone: '13900001111', type: '6 支付异常', summary: '记录二' });
  await expect(page.getByTestId('calls-notice')).toHaveText('已保存：139 0000 1111');
  const journal = readFileSync(
    `${harness.dataDir}/journal/journal-${new Date().toISOString().slice(0, 10)}.ndjson`,
    'utf8',
  );
  expect(journal.trim().split('\n')).toHaveLength(2);

  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        // Close our connection first: Dexie gives way on versionchange, then the database is deleted.
        const request = indexedDB.deleteDatabase('floorguard');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      }),
  );
  await page.reload();
  await expect(page.getByTestId('banner-restored')).toHaveText('已从本机备份日志恢复 2 条记录');
  await expect(page.getByTestId('call-row')).toHaveCount(2);
  await expect(page.getByText('记录二')).toBeVisible();
});

test('callbacks are queued by promised time and can be bulk-marked as entered in CRM', async ({
  console: page,
}) => {
  await page.getByLabel('来电号码', { exact: true }).fill('13812345678');
  await page.getByLabel('问题类型').selectOption({ label: '4 登录异常' });
  await page.getByLabel('问题描述').fill('请稍后回电');
  await page.getByLabel('需回访').check();
  await page.getByLabel('承诺回访时间').fill('2020-01-01T09:00');
  await page.getByRole('button', { name: '保存' }).click();
  const callback = page.getByTestId('callback');
  await expect(callback).toHaveCount(1);
  await expect(callback).toContainText('已超时');

  await logCall(page, { phone: '13900001111', type: '6 支付异常', summary: '充值未到账' });
  await expect(page.getByTestId('call-row')).toHaveCount(2);
  for (const box of await page.getByLabel('选择此记录').all()) await box.check();
  await page.getByRole('button', { name: '选中 2 条标为已录入 CRM' }).click();
  await page.getByLabel('未录入 CRM').check();
  await expect(page.getByTestId('call-row')).toHaveCount(0);
  await expect(callback).toHaveCount(0);
});

test('two windows of one seat save in turn: every call is kept and the outbox numbers stay contiguous', async ({
  console: first,
  context,
  harness,
}) => {
  const second = await context.newPage();
  await second.goto(harness.url);
  await second.getByRole('navigation', { name: '主导航' }).waitFor();
  await second.getByLabel('坐席', { exact: true }).fill('李雷');
  // Each window remembers the next outbox seq its last save left and writes there without reading the counter; the
  // other window's saves in between take those seqs, so every save after the first is refused by IndexedDB (a taken
  // seq's claim) after it was told to commit, and made again at the right seq.
  const windows = [first, second, first, second, first, first, second];
  for (const [i, page] of windows.entries()) {
    await logSavedCall(page, {
      phone: `139 0000 ${1000 + i}`,
      type: '4 登录异常',
      summary: `第 ${i + 1} 通`,
    });
  }
  await expect(first.getByTestId('call-row')).toHaveCount(windows.length);
  await expect(second.getByTestId('call-row')).toHaveCount(windows.length);
  await expect(first.getByTestId('status-pending')).toHaveText(`待同步 ${windows.length} 条`);
  const outbox = await first.evaluate(
    () =>
      new Promise<{ seqs: number[]; summaries: string[]; nextSeq: unknown }>((resolve, reject) => {
        const open = indexedDB.open('floorguard');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['outbox', 'meta'], 'readonly');
          const rows = tx.objectStore('outbox').getAll();
          const next = tx.objectStore('meta').get('nextSeq');
          tx.oncomplete = () => {
            const entries = rows.result as { seq: number; data: { summary: string } }[];
            resolve({
              seqs: entries.map((e) => e.seq),
              summaries: entries.map((e) => e.data.summary),
              nextSeq: (next.result as { value: unknown }).value,
            });
            open.result.close();
          };
        };
      }),
  );
  expect(outbox.seqs).toEqual(windows.map((_, i) => i + 1));
  expect(outbox.summaries).toEqual(windows.map((_, i) => `第 ${i + 1} 通`));
  expect(outbox.nextSeq).toBe(windows.length + 1);
  await second.close();
});
