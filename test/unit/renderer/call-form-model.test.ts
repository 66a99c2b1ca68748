import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '@shared/policy';
import {
  CallFormValues,
  emptyCallForm,
  toCallLog,
} from '../../../src/renderer/features/calls/call-form-model';

const identity = { id: '019ab8a0-0000-7000-8000-000000000001', createdAt: '2026-11-24T02:00:00.000Z' };

describe('call form model', () => {
  it('refuses a form without the required fields, with i18n keys as messages', () => {
    const result = CallFormValues.safeParse(emptyCallForm('', ''));
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error?.issues.map((i) => [i.path.join('.'), i.message]) ?? []);
    expect(messages).toEqual({
      agent: 'calls.errors.agentRequired',
      callerPhone: 'calls.phoneErrors.empty',
      problemType: 'calls.errors.required',
      summary: 'calls.errors.required',
    });
  });

  it('makes a record with the normalised number, the class from the policy and an open status', () => {
    const values = {
      ...emptyCallForm('王芳', 'A-12'),
      callerPhone: '138 1234 5678',
      problemType: 'login-failure',
      summary: ' 登录失败 ',
    };
    const call = toCallLog(CallFormValues.parse(values), identity, defaultPolicy());
    expect(call).toEqual({
      ...identity,
      agent: '王芳',
      seat: 'A-12',
      callerPhone: '+8613812345678',
      problemType: 'login-failure',
      problemClass: 'key',
      summary: '登录失败',
      direction: 'inbound',
      status: 'open',
    });
  });

  it('a wanted callback makes the record due, defaulting the callback number to the caller', () => {
    const values = {
      ...emptyCallForm('王芳', ''),
      callerPhone: '010 6234 5678',
      problemType: 'account-compromise',
      summary: '账号被盗',
      vip: true,
      callbackWanted: true,
      callbackDueAt: '2026-11-24T15:30',
    };
    const call = toCallLog(CallFormValues.parse(values), identity, defaultPolicy());
    expect(call).toMatchObject({
      status: 'callback-due',
      callbackWanted: true,
      callbackNumber: '+861062345678',
      vip: true,
      problemClass: 'security',
    });
    expect(call.callbackDueAt).toBe(new Date('2026-11-24T15:30').toISOString());
  });
});
