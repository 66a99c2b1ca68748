import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

// Needs the Electron binary: scripts/test-electron.mjs skips this folder, saying so, where there is none.

async function launch() {
  const userData = mkdtempSync(join(tmpdir(), 'floorguard-electron-'));
  const app = await electron.launch({ args: ['.', `--user-data-dir=${userData}`, '--no-sandbox'] });
  const window = await app.firstWindow();
  return { app, window };
}

test('the console opens in Chinese with the contract exposed as window.floorguard and nothing else', async () => {
  const { app, window } = await launch();
  await expect(window.getByRole('navigation', { name: '主导航' })).toBeVisible();
  const surface = await window.evaluate(() => ({
    keys: Object.keys(window.floorguard ?? {}).sort(),
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
  }));
  expect(surface).toEqual({ keys: ['invoke', 'on'], require: 'undefined', process: 'undefined' });
  const info = await window.evaluate(() => window.floorguard?.invoke('app:info', {}));
  expect(info).toMatchObject({ ok: true, value: { host: 'electron' } });
  await app.close();
});

test('the window is sandboxed and navigation and window.open are blocked', async () => {
  const { app, window } = await launch();
  const prefs = await app.evaluate(({ BrowserWindow }) => {
    const w = BrowserWindow.getAllWindows()[0];
    const p = w?.webContents.getLastWebPreferences();
    return {
      sandbox: p?.sandbox,
      contextIsolation: p?.contextIsolation,
      nodeIntegration: p?.nodeIntegration,
    };
  });
  expect(prefs).toEqual({ sandbox: true, contextIsolation: true, nodeIntegration: false });
  const before = window.url();
  await window.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await window.waitForTimeout(500);
  expect(window.url()).toBe(before);
  const opened = await window.evaluate(() => window.open('https://example.com/') === null);
  expect(opened).toBe(true);
  await app.close();
});

test('closing the window hides it to the tray instead of quitting', async () => {
  const { app, window } = await launch();
  await window.close().catch(() => undefined);
  const state = await app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows().map((w) => w.isVisible()),
  );
  expect(state).toEqual([false]);
  await app.close();
});
