import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import '../../src/renderer/bridge/floorguard';

// Needs the Electron binary: scripts/test-electron.mjs skips this folder, saying so, where there is none.

async function launch() {
  const userData = mkdtempSync(join(tmpdir(), 'floorguard-electron-'));
  const app = await electron.launch({ args: ['.', `--user-data-dir=${userData}`, '--no-sandbox'] });
  const page = await app.firstWindow();
  return { app, page };
}

test('the console opens in Chinese with the contract exposed as window.floorguard and nothing else', async () => {
  const { app, page } = await launch();
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  // Served on the app's own origin (code cache, a real origin for IndexedDB), not from file://.
  expect(page.url()).toBe('app://floorguard/index.html');
  const surface = await page.evaluate(() => {
    const g = globalThis as { require?: unknown; process?: unknown; module?: unknown };
    return {
      keys: Object.keys(window.floorguard ?? {}).sort(),
      globals: [typeof g.require, typeof g.process, typeof g.module],
    };
  });
  expect(surface).toEqual({ keys: ['invoke', 'on'], globals: ['undefined', 'undefined', 'undefined'] });
  const info = await page.evaluate(() => window.floorguard?.invoke('app:info', {}));
  expect(info).toMatchObject({ ok: true, value: { host: 'electron' } });
  await app.close();
});

test('the system-wide new-call key is registered (policy default)', async () => {
  const { app, page } = await launch();
  const held = await app.evaluate(({ globalShortcut }) =>
    globalShortcut.isRegistered('CommandOrControl+Alt+N'),
  );
  expect(held).toBe(true);
  // Diagnostics show it (and whether another application holds it).
  const info = await page.evaluate(() => window.floorguard?.invoke('app:info', {}));
  expect(info).toMatchObject({
    ok: true,
    value: { newCallShortcut: { accelerator: 'CommandOrControl+Alt+N', state: 'registered' } },
  });
  await app.close();
});

test('navigation away and window.open are blocked', async () => {
  const { app, page } = await launch();
  const before = page.url();
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe(before);
  expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
  await app.close();
});

test('closing the window hides it to the tray instead of quitting', async () => {
  const { app, page } = await launch();
  await page.close().catch(() => undefined);
  const visible = await app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows().map((w) => w.isVisible()),
  );
  expect(visible).toEqual([false]);
  await app.close();
});
