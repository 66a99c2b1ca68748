import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { startHarness } from '../src/harness/host';
import { launchOptionsLikeElectron } from '../test/chromium';
import { createHarnessServices } from '../src/harness/services';

/**
 * Call-sheet benchmarks in Debian's Chromium against the browser harness: Enter-to-durable save latency, time to
 * first rows and search with 100,000 records, renderer heap. Serves the renderer build in FLOORGUARD_RENDERER_DIR
 * (default out/renderer; `npm run bench` builds one). Prints figures; asserts nothing.
 * Targets (issue 3): save p95 ≤ 20 ms, first rows ≤ 300 ms, search ≤ 100 ms.
 * Every seat of a Chinese contact centre has a CJK font (Windows: Microsoft YaHei). Without one, Chromium searches
 * its fallback list for every Chinese glyph it lays out, which slowed the first layout here by ~30–50 ms: install
 * one (Debian: `apt-get install fonts-noto-cjk`) for figures that stand for a seat; the bench says when none is found.
 */
const RECORDS = Number(process.env['BENCH_RECORDS'] ?? 100_000);
// p95 of 60 saves was their 3rd-slowest: the first save (cold code paths, ~30 ms) and any two hiccups of this shared
// machine decided it from run to run. Of 200 it is the 10th-slowest.
const SAVES = Number(process.env['BENCH_SAVES'] ?? 200);
// Single new-window starts of one build spread over 200–400 ms on this shared machine: a median of 9, not 5.
const WARM_STARTS = 9;
const SETTLE_MS = Number(process.env['BENCH_SETTLE_MS'] ?? 2_000);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;

/**
 * In-page probes, installed before the app's own scripts (a string: tsx would add helpers the page lacks).
 * - When the first call row enters the DOM, when the frame that paints it starts, and when that frame is painted
 *   (a user-blocking task queued from the frame, which runs once its rendering is done). The bench waits for that
 *   with one promise, not a Playwright locator: a locator injects Playwright's script into the new page and polls
 *   on its main thread, in the middle of the start-up being measured.
 * - Each time the call-sheet notice says "已保存", so the bench waits for it without polling the page (Playwright's
 *   locator polling runs on the page's main thread, in the middle of the save being measured).
 */
const PROBES = `
  window.__firstRows = null;
  window.__appRows = null;
  const paintedAfter = (at, done) =>
    requestAnimationFrame(() => {
      at.frame = performance.now();
      // Runs as soon as this frame's style, layout and paint are done, ahead of ordinary tasks already queued.
      scheduler.postTask(() => {
        at.painted = performance.now();
        done?.();
      }, { priority: 'user-blocking' });
    });
  const rows = new MutationObserver(() => {
    // The first rows: drawn by the boot code (the last snapshot with the newest calls) or by the app itself.
    if (!window.__firstRows && document.querySelector('.call-row')) {
      const at = { inDom: performance.now(), byBoot: document.getElementById('root')?.dataset.boot === 'shell' };
      window.__firstRows = at;
      paintedAfter(at);
    }
    // The app's own rows (React's list, which answers).
    if (window.__firstRows && !window.__appRows && document.querySelector('[data-testid="call-row"]')) {
      const at = { inDom: performance.now() };
      window.__appRows = at;
      rows.disconnect();
      paintedAfter(at, () => window.__firstRowsWaiter?.());
    }
  });
  rows.observe(document, { childList: true, subtree: true });
  window.__saved = { count: 0, shownAt: [], waiter: null };
  addEventListener('DOMContentLoaded', () => {
    let lastText = '';
    const notices = new MutationObserver(() => {
      // Every change of the notice's text, once (the observer also hears the rest of the page change).
      const text = document.querySelector('[data-testid="calls-notice"]')?.textContent ?? '';
      if (text === lastText) return;
      lastText = text;
      if (!text.includes('已保存')) return;
      const saved = window.__saved;
      saved.count++;
      saved.shownAt.push(performance.now());
      const waiter = saved.waiter;
      saved.waiter = null;
      if (waiter) waiter();
    });
    notices.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
`;

interface SavedProbe {
  count: number;
  shownAt: number[];
  waiter: (() => void) | null;
}

async function saveLatency(page: Page): Promise<number[]> {
  await page.getByLabel('坐席', { exact: true }).fill('基准测试');
  for (let i = 0; i < SAVES; i++) {
    await page.getByLabel('来电号码', { exact: true }).fill(`1380000${String(i).padStart(4, '0')}`);
    await page.getByLabel('问题类型').selectOption('login-failure');
    await page.getByLabel('问题描述').fill(`基准记录 ${i}`);
    await page.getByLabel('问题描述').press('Enter');
    await page.evaluate(
      (n) =>
        new Promise<void>((resolve) => {
          const saved = (window as unknown as { __saved: SavedProbe }).__saved;
          if (saved.count > n) resolve();
          else saved.waiter = resolve;
        }),
      i,
    );
    await page.evaluate(() => document.querySelector('[data-testid="calls-notice"]')?.replaceChildren());
  }
  // Enter → "已保存" in the DOM: the durable save plus the render of the confirmation.
  const shown = await page.evaluate(() => {
    const submits = performance.getEntriesByName('floorguard:submit').map((e) => e.startTime);
    const { shownAt } = (window as unknown as { __saved: SavedProbe }).__saved;
    return shownAt.map((at) => at - Math.max(...submits.filter((s) => s <= at)));
  });
  console.log(`  Enter → 已保存 shown: p50 ${ms(percentile(shown, 50))}, p95 ${ms(percentile(shown, 95))}`);
  const parts = await page.evaluate(() =>
    ['floorguard:save:indexeddb', 'floorguard:save:journal'].map((name) => ({
      name,
      durations: performance.getEntriesByName(name).map((e) => e.duration),
    })),
  );
  for (const part of parts) {
    console.log(
      `  ${part.name}: p50 ${ms(percentile(part.durations, 50))}, p95 ${ms(percentile(part.durations, 95))}`,
    );
  }
  return page.evaluate(() => performance.getEntriesByName('floorguard:save').map((e) => e.duration));
}

/** Writes records straight into the renderer's IndexedDB store, as a week offline on a busy floor would leave it. */
async function seed(page: Page, count: number): Promise<void> {
  await page.evaluate(async (n) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const request = indexedDB.open('floorguard');
      request.onsuccess = () => ok(request.result);
      request.onerror = () => fail(request.error);
    });
    const types = ['login-failure', 'payment-anomaly', 'site-unreachable', 'other-product'];
    const start = Date.now() - n * 6000;
    for (let offset = 0; offset < n; offset += 5000) {
      await new Promise<void>((ok, fail) => {
        const tx = db.transaction('calls', 'readwrite');
        const store = tx.objectStore('calls');
        for (let i = offset; i < Math.min(n, offset + 5000); i++) {
          const hex = i.toString(16).padStart(12, '0');
          store.put({
            id: `01930000-0000-7000-8000-${hex}`,
            createdAt: new Date(start + i * 6000).toISOString(),
            agent: `坐席${i % 40}`,
            callerPhone: `+86139${String(i).padStart(8, '0')}`,
            problemType: types[i % types.length],
            summary: `客户反映第 ${i} 号问题：充值未到账，页面提示稍后再试`,
            status: i % 7 === 0 ? 'callback-due' : 'open',
            callbackWanted: i % 7 === 0,
          });
        }
        tx.oncomplete = () => ok();
        tx.onerror = () => fail(tx.error);
      });
    }
    db.close();
  }, count);
}

interface FirstRows {
  /** In-page times from the navigation's start (performance.timeOrigin). */
  inDom: number;
  frame: number;
  painted: number;
  /** Whether the boot code drew them (ADR 0009), rather than the app. */
  byBoot: boolean;
  /** When the app's own list (React, answering) was painted. */
  appPainted: number;
  /** When this page's main thread next ran our code after the painted frame (any long task after it). */
  nextFree: number;
  marks: [string, number][];
}

/**
 * How a start is measured. `window`: the page is closed and the console opened in a new one, whose document gets a
 * renderer process of its own, as when the app starts (Electron opens its window in a new process). `reload`: the
 * same page reloads, so its process, V8 and fonts are already up, but the old page is torn down first.
 */
type StartKind = 'window' | 'reload';

/**
 * Opens the console (see StartKind) and measures when the first rows are painted (the in-page probe), with the
 * start-up marks. Returns the page now showing the console.
 */
async function firstRows(page: Page, url: string, how: StartKind): Promise<{ page: Page; at: FirstRows }> {
  if (how === 'reload') await page.reload({ waitUntil: 'commit' });
  else {
    const context = page.context();
    await page.close();
    // As an app start finds the machine: not still tearing down the window before (its renderer, its database).
    await new Promise((settled) => setTimeout(settled, SETTLE_MS));
    page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
  }
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const probe = window as unknown as {
          __appRows: { painted?: number } | null;
          __firstRowsWaiter?: () => void;
        };
        if (probe.__appRows?.painted) resolve();
        else probe.__firstRowsWaiter = resolve;
      }),
  );
  const nextFree = await page.evaluate(() => performance.now());
  const probe = await page.evaluate(() => {
    const { __firstRows: first, __appRows: app } = window as unknown as {
      __firstRows: { inDom: number; frame: number; painted: number; byBoot: boolean };
      __appRows: { painted: number };
    };
    return { ...first, appPainted: app.painted };
  });
  const marks: [string, number][] = await page.evaluate(() => [
    ...performance
      .getEntriesByType('navigation')
      .map((e): [string, number] => [
        'DOMContentLoaded',
        (e as PerformanceNavigationTiming).domContentLoadedEventEnd,
      ]),
    ...performance
      .getEntriesByType('mark')
      .filter((m) => m.name.startsWith('floorguard:'))
      .map((m): [string, number] => [m.name.replace('floorguard:', ''), m.startTime]),
  ]);
  return { page, at: { ...probe, nextFree, marks } };
}

/** Starts the console `times` times the same way; reports the median. */
async function medianStart(page: Page, url: string, how: StartKind, times: number, label: string) {
  const starts: FirstRows[] = [];
  for (let i = 0; i < times; i++) {
    const started = await firstRows(page, url, how);
    page = started.page;
    starts.push(started.at);
  }
  const median = [...starts].sort((a, b) => a.painted - b.painted)[Math.floor(starts.length / 2)];
  if (median)
    report(`${label}, median of ${times} (${starts.map((s) => s.painted.toFixed(0)).join(', ')} ms)`, median);
  return page;
}

function report(label: string, at: FirstRows): void {
  console.log(
    `first rows with ${RECORDS.toLocaleString('en')} records, ${label}: painted ${ms(at.painted)} after navigation start (target ≤ 300 ms), drawn by ${at.byBoot ? 'the boot code' : 'the app'}; in the DOM ${ms(at.inDom)}, their frame ${ms(at.frame)}; the app's own list painted ${ms(at.appPainted)}; page next free ${ms(at.nextFree)}`,
  );
  console.log(`  start-up: ${at.marks.map(([name, t]) => `${name} ${ms(t)}`).join(', ')}`);
}

/** Whether fontconfig knows a Chinese font (Linux); undefined where fc-list is missing. */
function hasChineseFont(): boolean | undefined {
  try {
    return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return undefined;
  }
}

async function main() {
  if (hasChineseFont() === false) {
    console.log(
      'note: no Chinese font installed (fonts-noto-cjk): first-rows figures include glyph fallback searches',
    );
  }
  const rendererDir = resolve(process.env['FLOORGUARD_RENDERER_DIR'] ?? 'out/renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(
      `No renderer build in ${rendererDir}: run \`npm run bench\`, or build one there and set FLOORGUARD_RENDERER_DIR.`,
    );
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'floorguard-bench-'));
  const { services, dispose } = await createHarnessServices(dataDir);
  const harness = await startHarness({
    services,
    staticDir: rendererDir,
  });
  // A profile on disk, as Electron's session is: Chromium keeps V8's code cache only for such profiles (not for
  // Playwright's default in-memory contexts), and the app's every start after the first reads it.
  const profileDir = mkdtempSync(join(tmpdir(), 'floorguard-bench-profile-'));
  // Without Chrome's own window UI (the omnibox popup's renderer competed with every new window's start).
  const context = await chromium.launchPersistentContext(profileDir, await launchOptionsLikeElectron());
  try {
    await context.addInitScript(PROBES);
    let page = context.pages()[0] ?? (await context.newPage());
    await page.goto(harness.url);
    await page.getByRole('navigation', { name: '主导航' }).waitFor();

    const saves = await saveLatency(page);
    console.log(
      `save (Enter → IndexedDB strict commit + journal fsync), n=${saves.length}: p50 ${ms(percentile(saves, 50))}, p95 ${ms(percentile(saves, 95))} (target p95 ≤ 20 ms)`,
    );

    await seed(page, RECORDS);
    // Warm: every start but the first after an install or an update, with V8's code cache for the start chunk —
    // Chromium keeps one for the harness's immutable assets, Electron for the app:// scheme (its `codeCache`
    // privilege, ADR 0009). The first window after the seed fills it.
    page = (await firstRows(page, harness.url, 'window')).page;
    page = await medianStart(
      page,
      harness.url,
      'window',
      WARM_STARTS,
      'warm start in a new window (code cache)',
    );
    page = await medianStart(page, harness.url, 'reload', WARM_STARTS, 'warm reload of the same window');
    // Cold: nothing cached (the first start after an install or an update): the start chunk is fetched, parsed and
    // compiled. Measured last, as an update finds the seat's database: settled, not still being written by the seed.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.clearBrowserCache');
    await cdp.detach();
    const cold = await firstRows(page, harness.url, 'window');
    page = cold.page;
    report('cold start in a new window (no code cache)', cold.at);
    const navigationStart = Date.now();
    await page.reload();
    await page
      .getByTestId('call-count')
      .filter({ hasText: `/ ${RECORDS + saves.length} 条` })
      .waitFor({ timeout: 120_000 });
    console.log(
      `all ${RECORDS.toLocaleString('en')} records indexed for search: ${ms(Date.now() - navigationStart)} from reload`,
    );

    const searches: number[] = [];
    // Each query starts from the unfiltered list, so the count always changes when the result is painted.
    for (const query of ['139000123', '充值未到账', '第 4242 号', 'zzz-no-match', '13900099']) {
      const elapsed = await page.evaluate(async (q) => {
        const input = document.querySelector<HTMLInputElement>('input[type="search"]');
        const counter = document.querySelector('[data-testid="call-count"]');
        if (!input || !counter) throw new Error('search box not found');
        const before = counter.textContent;
        const t0 = performance.now();
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
        setter?.call(input, q);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        while (counter.textContent === before && performance.now() - t0 < 5000) {
          await new Promise(requestAnimationFrame);
        }
        return performance.now() - t0;
      }, query);
      searches.push(elapsed);
      await page.getByRole('searchbox').fill('');
      await page
        .getByTestId('call-count')
        .filter({ hasText: `共 ${RECORDS + saves.length} /` })
        .waitFor();
    }
    console.log(
      `search over ${RECORDS.toLocaleString('en')}: ${searches.map(ms).join(', ')} (median ${ms(percentile(searches, 50))}; target ≤ 100 ms; to the next painted frame)`,
    );

    const session = await page.context().newCDPSession(page);
    await session.send('Performance.enable');
    await session.send('HeapProfiler.collectGarbage');
    const { metrics } = await session.send('Performance.getMetrics');
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    console.log(
      `renderer JS heap with ${RECORDS.toLocaleString('en')} records loaded: ${(heap / 1024 / 1024).toFixed(1)} MiB`,
    );
  } finally {
    await context.close();
    rmSync(profileDir, { recursive: true, force: true });
    await harness.close();
    dispose();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
