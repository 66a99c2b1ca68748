import { keepEarlyKeys, takeEarlyKeys } from './early-keys';
import { paintFirstRows, type FirstRowsResult } from './first-rows';
import type { BootWindow } from './handoff';
import { DB_NAME } from '../data/db-name';
import { loadSnapshot, pageBuild } from './shell-snapshot';

/**
 * The boot program (ADR 0009). The build bundles it on its own and inlines it at the end of index.html's body (as
 * the style sheet is inlined: vite.renderer.config.ts), so it runs while the page is parsed — nothing to fetch, no
 * style sheet to wait for — and paints the sheet as last drawn, with the newest rows, while the app's start chunk
 * is still being fetched and compiled. It leaves what the app needs on `window` (handoff.ts). The shell is shown
 * after 120 ms without its rows; the rows may take up to 1.5 s to read.
 */
performance.mark('floorguard:boot-start');
// From the first moment the window shows anything, keys typed are kept for the call form (early-keys.ts).
keepEarlyKeys();
const root = document.getElementById('root');
const snapshot = loadSnapshot(localStorage, pageBuild());
const firstRows: Promise<FirstRowsResult> = (
  root
    ? paintFirstRows({ root, snapshot, dbName: DB_NAME, shellWaitMs: 120, readBudgetMs: 1_500 })
    : Promise.resolve<FirstRowsResult>('none')
).then((result) => {
  performance.mark(`floorguard:boot-${result}`);
  return result;
});

(window as BootWindow).floorguardBoot = { snapshot, firstRows, takeEarlyKeys };
