import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test as base, type BrowserContext, type Page } from '@playwright/test';
import { pino } from 'pino';
import type { Change } from '@shared/sync/protocol';
import { buildServer, openDatabase } from '../../server/index';
import { startHarness, type Harness } from '../../src/harness/host';
import { createHarnessServices } from '../../src/harness/services';

export interface HarnessFixture extends Harness {
  dataDir: string;
  /** Drives the harness's simulated conditions (network, …) as Electron would observe them. */
  control(path: string, body: unknown): Promise<unknown>;
}

/** A central API for one test: in-process, PGlite in memory, on 127.0.0.1, with one site already created. */
export interface CentralFixture {
  url: string;
  adminToken: string;
  site: { code: string; enrollmentKey: string };
  /** Calls the API with a bearer token (the admin token unless another is given). */
  request<T = unknown>(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown },
  ): Promise<{ status: number; body: T }>;
  /** Every change the centre holds for the site, read by a device enrolled for that purpose. */
  changes(): Promise<Change[]>;
}

const CENTRAL_ADMIN_TOKEN = 'e2e-admin-token-0123456789';

/**
 * Every test gets its own harness (fresh data folder, fresh main-process services) and its own browser
 * context (fresh IndexedDB), so tests never see each other's records.
 */
export const test = base.extend<{
  harness: HarnessFixture;
  console: Page;
  /** Optional: only tests that ask for it start a central server (PGlite's first open takes a few seconds). */
  central: CentralFixture;
  /** A site policy for this test's harness: an object (written as JSON) or raw file text; none by default. */
  sitePolicy: object | string | undefined;
}>({
  sitePolicy: [undefined, { option: true }],
  central: async ({}, use) => {
    const db = await openDatabase();
    const app = await buildServer({
      db,
      adminToken: CENTRAL_ADMIN_TOKEN,
      logger: pino({ level: 'silent' }),
      rateLimit: false,
    });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    const request: CentralFixture['request'] = async (method, path, options = {}) => {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${options.token ?? CENTRAL_ADMIN_TOKEN}`,
          ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : null) as never };
    };
    const code = `e2e-${Date.now().toString(36)}`;
    const created = await request<{ enrollmentKey: string }>('POST', '/v1/admin/sites', {
      body: { code, name: 'E2E floor' },
    });
    if (created.status !== 201) throw new Error(`create site: ${created.status}`);
    const site = { code, enrollmentKey: created.body.enrollmentKey };
    let reader: string | null = null;
    const changes = async (): Promise<Change[]> => {
      if (!reader) {
        const enrolled = await request<{ token: string }>('POST', '/v1/devices/enroll', {
          body: { siteCode: code, enrollmentKey: site.enrollmentKey, deviceName: 'e2e reader' },
        });
        reader = enrolled.body.token;
      }
      const all: Change[] = [];
      for (let cursor = '', more = true; more;) {
        const page = await request<{ changes: Change[]; cursor: string; hasMore: boolean }>(
          'GET',
          `/v1/sync/pull?cursor=${cursor}&limit=1000`,
          { token: reader },
        );
        all.push(...page.body.changes);
        cursor = page.body.cursor;
        more = page.body.hasMore;
      }
      return all;
    };
    await use({ url, adminToken: CENTRAL_ADMIN_TOKEN, site, request, changes });
    await app.close();
    await db.close();
  },
  harness: async ({ sitePolicy }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'floorguard-e2e-'));
    if (sitePolicy !== undefined) {
      const text = typeof sitePolicy === 'string' ? sitePolicy : JSON.stringify(sitePolicy);
      writeFileSync(join(dataDir, 'site-policy.json'), text);
    }
    const { services, control, dispose } = await createHarnessServices(dataDir);
    const harness = await startHarness({
      services,
      control,
      staticDir: resolve(process.env['FLOORGUARD_RENDERER_DIR'] ?? 'out/renderer'),
    });
    await use({
      ...harness,
      dataDir,
      control: async (path, body) => {
        const response = await fetch(new URL(`/__harness/${path}`, harness.url), {
          method: 'POST',
          body: JSON.stringify(body),
        });
        return response.json();
      },
    });
    await harness.close();
    dispose();
    rmSync(dataDir, { recursive: true, force: true });
  },
  console: async ({ page, harness }, use) => {
    // Whatever a test does, the page keeps to its strict CSP — also where a refusal is caught and never reaches the
    // console (zod's eval probe did).
    const refused: string[] = [];
    await page.exposeBinding('__e2eCspRefused', (_source, refusal: string) => refused.push(refusal));
    await page.addInitScript(() => {
      const report = (window as unknown as { __e2eCspRefused: (refusal: string) => void }).__e2eCspRefused;
      document.addEventListener('securitypolicyviolation', (event) =>
        report(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`),
      );
    });
    await page.goto(harness.url);
    // The console is ready for keys once its frame is drawn (shortcuts are bound on mount).
    await page.getByRole('navigation', { name: '主导航' }).waitFor();
    await use(page);
    expect(refused, 'the page broke its Content Security Policy').toEqual([]);
  },
});

export { expect } from '@playwright/test';

/**
 * Takes the browser context offline the way the tests need it: the `offline` listener is registered (in an
 * awaited evaluate) before the switch, then the page is polled until it has seen the event.
 */
export async function goOffline(page: Page, context: BrowserContext): Promise<void> {
  await page.evaluate(() => {
    const flag = window as unknown as { wentOffline: boolean };
    flag.wentOffline = false;
    window.addEventListener('offline', () => (flag.wentOffline = true));
  });
  await context.setOffline(true);
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { wentOffline: boolean }).wentOffline))
    .toBe(true);
}
