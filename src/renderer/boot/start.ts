import { DB_NAME } from '../data/db-name';
import { keepEarlyKeys } from './early-keys';
import { paintFirstRows, type FirstRowsResult } from './first-rows';
import { loadSnapshot, pageBuild } from './shell-snapshot';

/**
 * The boot entry: the built page loads its chunk first, on its own (vite.renderer.config.ts), so it runs while the
 * start chunk is still being fetched and compiled. main.tsx imports it first, so the app's code is evaluated only
 * once this top-level await is done: when the first rows are painted, or when they took more than 1.5 s to read
 * (the shell is shown after 120 ms). The agent sees the sheet while the app is being set up.
 */
performance.mark('floorguard:boot-start');
// From the first moment the window shows anything, keys typed are kept for the call form (early-keys.ts).
keepEarlyKeys();
const root = document.getElementById('root');

/** The last snapshot this build took; the app reads its first page from where that snapshot's list began. */
export const snapshot = loadSnapshot(localStorage, pageBuild());

export const firstRows: FirstRowsResult = root
  ? await paintFirstRows({ root, snapshot, dbName: DB_NAME, shellWaitMs: 120, readBudgetMs: 1_500 })
  : 'none';

performance.mark(`floorguard:boot-${firstRows}`);
