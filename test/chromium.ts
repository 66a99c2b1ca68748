/**
 * Debian's Chromium as the e2e suite and the benchmarks launch it: the system binary (never a downloaded browser) and
 * flags that keep it from reaching for the network this machine does not have.
 */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Chrome's own window UI, which an Electron window does not have: the omnibox popup (a WebUI page in this Chromium)
 * and the top-chrome WebUIs it preloads. Every new browser window loads them in a renderer process of its own —
 * traced at ~600 ms of CPU on this 2-core machine, at the very moment the console starts in the window beside it,
 * which more than doubled the console's first frame (wall 300 ms for 100 ms of its own CPU).
 */
const CHROME_WINDOW_UI = [
  'PreloadTopChromeWebUI',
  'WebUIOmniboxPopup',
  'WebUIOmniboxFullPopup',
  'WebUIOmniboxAimPopup',
];

/**
 * Launch options for a Chromium whose windows start like an Electron window: CHROMIUM_ARGS, with Chrome's window UI
 * (CHROME_WINDOW_UI) switched off. Chromium honours only the last `--disable-features`, and Playwright passes its
 * own list, so the two are merged: Playwright's list is read from a throwaway launch (it is not exported) and
 * replaced by the merged one.
 */
export async function launchOptionsLikeElectron(): Promise<{
  executablePath: string;
  args: string[];
  ignoreDefaultArgs: string[];
}> {
  const { chromium } = await import('@playwright/test');
  const server = await chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  let playwrights: string | undefined;
  try {
    playwrights = server.process().spawnargs.find((arg) => arg.startsWith('--disable-features='));
  } finally {
    await server.close();
  }
  const merged = [playwrights?.slice('--disable-features='.length), ...CHROME_WINDOW_UI].filter(Boolean);
  return {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, `--disable-features=${merged.join(',')}`],
    ignoreDefaultArgs: playwrights ? [playwrights] : [],
  };
}
