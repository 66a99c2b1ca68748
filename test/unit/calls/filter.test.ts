import { describe, expect, it } from 'vitest';
import { callbackQueue, callMatcher, compareCalls, EMPTY_FILTER } from '@shared/calls/filter';
import type { CallLog } from '@shared/calls/schema';

let n = 0;
function call(partial: Partial<CallLog>): CallLog {
  n++;
  return {
    id: `019ab8a0-0000-7000-8000-${String(n).padStart(12, '0')}`,
    createdAt: `2026-11-24T0${n % 10}:00:00.000Z`,
    agent: '王芳',
    callerPhone: '+8613812345678',
    problemType: 'login-failure',
    summary: '无法登录',
    ...partial,
  };
}

describe('call list filters', () => {
  const a = call({
    callerPhone: '+8613900001111',
    callerName: 'Zhang San',
    summary: '充值未到账',
    problemType: 'payment-anomaly',
  });
  const b = call({ status: 'entered-in-crm', customerId: 'ACC-778' });
  const c = call({ callbackWanted: true, callbackDueAt: '2026-11-24T09:00:00.000Z', status: 'callback-due' });
  const d = call({ callbackWanted: true, status: 'called-back' });
  const all = [a, b, c, d];
  const match = (f: Partial<typeof EMPTY_FILTER>) =>
    all.filter(callMatcher({ ...EMPTY_FILTER, ...f })).map((x) => x.id);

  it('finds by phone digits typed with spaces, by name, customer id and summary text', () => {
    expect(match({ text: '139 0000' })).toEqual([a.id]);
    expect(match({ text: 'zhang' })).toEqual([a.id]);
    expect(match({ text: 'acc-778' })).toEqual([b.id]);
    expect(match({ text: '到账' })).toEqual([a.id]);
  });

  it('filters by status (a record without one is open), type, callbacks owed and not yet in CRM', () => {
    expect(match({ statuses: ['open'] })).toEqual([a.id]);
    expect(match({ problemTypes: ['payment-anomaly'] })).toEqual([a.id]);
    expect(match({ callbacksDue: true })).toEqual([c.id]);
    expect(match({ notInCrm: true })).toEqual([a.id, c.id, d.id]);
  });

  it('filters by time range inclusively', () => {
    expect(match({ from: b.createdAt, to: c.createdAt })).toEqual([b.id, c.id]);
  });

  it('sorts newest first, oldest first, or by promised callback time', () => {
    expect([...all].sort(compareCalls('newest')).map((x) => x.id)).toEqual([d.id, c.id, b.id, a.id]);
    expect([...all].sort(compareCalls('oldest')).map((x) => x.id)).toEqual([a.id, b.id, c.id, d.id]);
  });

  it('queues owed callbacks by promised time and flags the overdue ones', () => {
    const later = call({ callbackWanted: true, callbackDueAt: '2026-11-24T12:00:00.000Z' });
    const queue = callbackQueue([...all, later], new Date('2026-11-24T10:00:00.000Z'));
    expect(queue.map((q) => [q.call.id, q.overdue])).toEqual([
      [c.id, true],
      [later.id, false],
    ]);
  });
});
