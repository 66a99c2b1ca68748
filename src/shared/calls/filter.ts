import type { CallLog, CallStatus } from './schema';

export interface CallFilter {
  /** Free text: matched against phone digits, caller name, customer id and summary. */
  text: string;
  statuses: CallStatus[];
  problemTypes: string[];
  /** ISO bounds on createdAt, inclusive. */
  from?: string | undefined;
  to?: string | undefined;
  callbacksDue: boolean;
  notInCrm: boolean;
}

export type CallSort = 'newest' | 'oldest' | 'callback';

export const EMPTY_FILTER: CallFilter = {
  text: '',
  statuses: [],
  problemTypes: [],
  callbacksDue: false,
  notInCrm: false,
};

const IN_CRM: ReadonlySet<CallStatus> = new Set(['entered-in-crm', 'closed']);

/** A callback is owed when one was wanted and nobody has called back yet. */
export function callbackOwed(call: CallLog): boolean {
  return (
    !!call.callbackWanted &&
    (call.status === undefined || call.status === 'open' || call.status === 'callback-due')
  );
}

/** Builds a predicate once per filter change; run over 100,000 rows on every keystroke, so keep it allocation-free. */
export function callMatcher(filter: CallFilter): (call: CallLog) => boolean {
  const text = filter.text.trim().toLowerCase();
  const digits = text.replace(/\D/g, '');
  const phoneQuery = digits.length >= 3 && /^[\d\s\-+()]+$/.test(text) ? digits : null;
  const statuses = filter.statuses.length ? new Set(filter.statuses) : null;
  const types = filter.problemTypes.length ? new Set(filter.problemTypes) : null;
  return (call) => {
    if (statuses && !statuses.has(call.status ?? 'open')) return false;
    if (types && !types.has(call.problemType)) return false;
    if (filter.from && call.createdAt < filter.from) return false;
    if (filter.to && call.createdAt > filter.to) return false;
    if (filter.callbacksDue && !callbackOwed(call)) return false;
    if (filter.notInCrm && IN_CRM.has(call.status ?? 'open')) return false;
    if (!text) return true;
    if (phoneQuery)
      return call.callerPhone.includes(phoneQuery) || (call.callbackNumber ?? '').includes(phoneQuery);
    return (
      call.summary.toLowerCase().includes(text) ||
      (call.callerName ?? '').toLowerCase().includes(text) ||
      (call.customerId ?? '').toLowerCase().includes(text) ||
      call.callerPhone.includes(text)
    );
  };
}

export function compareCalls(sort: CallSort): (a: CallLog, b: CallLog) => number {
  switch (sort) {
    case 'newest':
      return (a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0);
    case 'oldest':
      return (a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0);
    case 'callback':
      // Promised time first (earliest on top); calls without a promise after them, newest first.
      return (a, b) => {
        const da = a.callbackDueAt ?? '\uffff';
        const dbb = b.callbackDueAt ?? '\uffff';
        if (da !== dbb) return da < dbb ? -1 : 1;
        return a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0;
      };
  }
}

/** The callback queue: owed callbacks ordered by promised time, with overdue ones flagged. */
export function callbackQueue(calls: Iterable<CallLog>, now: Date): { call: CallLog; overdue: boolean }[] {
  const nowIso = now.toISOString();
  return [...calls]
    .filter(callbackOwed)
    .sort(compareCalls('callback'))
    .map((call) => ({ call, overdue: !!call.callbackDueAt && call.callbackDueAt < nowIso }));
}
