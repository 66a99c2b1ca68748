import { expect, type Page } from '@playwright/test';

export interface CallInput {
  phone: string;
  /** The problem type's option label, e.g. `4 登录异常`. */
  type: string;
  summary: string;
}

/** Types a call into the call sheet's form as an agent would, and presses Enter (it may or may not save). */
export async function logCall(page: Page, call: CallInput): Promise<void> {
  await page.getByLabel('来电号码', { exact: true }).fill(call.phone);
  await page.getByLabel('问题类型').selectOption({ label: call.type });
  await page.getByLabel('问题描述').fill(call.summary);
  await page.getByLabel('问题描述').press('Enter');
}

/** Logs a call that must save, and waits until it is in the list (the list shows a call once it is durable). */
export async function logSavedCall(page: Page, call: CallInput): Promise<void> {
  await logCall(page, call);
  await expect(page.getByTestId('call-row').filter({ hasText: call.summary }).first()).toBeVisible();
}

/**
 * A busy disk for the seat's database: another page of the same origin holds a write transaction on `store` until a
 * message on the BroadcastChannel `channel` (or 15 s at most), so a save — which writes that store — waits for it,
 * with no time limit on the save's side (unlike a slow journal, which the call sheet stops waiting for after 2 s).
 * The message may come from the test (`release()`) or from the page itself. The other page shows one of the
 * console's own scripts as text, not the console: a second console would share the drafts.
 */
export async function holdStore(
  page: Page,
  store: string,
  channel = `e2e-hold-${store}-${Math.random().toString(36).slice(2)}`,
): Promise<{ release(): Promise<void>; close(): Promise<void> }> {
  const script = await page.evaluate(
    () => document.querySelector<HTMLScriptElement>('script[type=module][src]')?.src,
  );
  if (!script) throw new Error('the console has no script file to open beside it');
  const holder = await page.context().newPage();
  await holder.goto(script);
  await holder.evaluate(
    ({ name, channelName }) =>
      new Promise<void>((held, failed) => {
        const open = indexedDB.open('floorguard');
        open.onerror = () => failed(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const holding = db.transaction(name, 'readwrite').objectStore(name);
          const released = { now: false };
          new BroadcastChannel(channelName).onmessage = () => {
            released.now = true;
          };
          const until = performance.now() + 15_000;
          const spin = () => {
            if (!released.now && performance.now() < until) holding.count().onsuccess = spin;
            else db.close();
          };
          spin();
          held();
        };
      }),
    { name: store, channelName: channel },
  );
  return {
    async release() {
      await page.evaluate((name) => new BroadcastChannel(name).postMessage('release'), channel);
      await holder.close();
    },
    close: () => holder.close(),
  };
}
