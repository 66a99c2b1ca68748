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
