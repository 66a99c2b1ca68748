import { TZDate } from '@date-fns/tz';
import { startOfHour } from 'date-fns';
import { callbackOwed } from '../calls/filter';
import type { CallLog } from '../calls/schema';

export interface TypeStats {
  problemType: string;
  calls: number;
  vip: number;
  complaints: number;
}

export interface Bucket {
  /** ISO start of the bucket. */
  start: string;
  calls: number;
}

export interface CallStats {
  total: number;
  /** Per hour of the site's clock (10:00–11:00, …), every hour of the window, empty ones included. */
  perHour: Bucket[];
  /** Per 15 minutes, for the chart. */
  perQuarter: Bucket[];
  byType: TypeStats[];
  callbacks: { wanted: number; done: number; owed: number };
  /** Mean of `endedAt − startedAt` where both were logged; null when no call has them. */
  averageHandlingMinutes: number | null;
}

const MINUTE = 60_000;
const QUARTER = 15 * MINUTE;

/** Calls logged inside the window, both ends included. */
export function callsInWindow<T extends Pick<CallLog, 'createdAt'>>(
  calls: Iterable<T>,
  window: { start: Date; end: Date },
): T[] {
  const start = window.start.getTime();
  const end = window.end.getTime();
  return [...calls].filter((call) => {
    const at = Date.parse(call.createdAt);
    return at >= start && at <= end;
  });
}

function buckets(
  calls: readonly CallLog[],
  first: number,
  end: number,
  next: (t: number) => number,
): Bucket[] {
  const list: { start: number; calls: number }[] = [];
  // Bounded so that a wrong recovery date (a year later) cannot build a million empty buckets.
  for (let t = first; t <= end && list.length < 2000; t = next(t)) list.push({ start: t, calls: 0 });
  for (const call of calls) {
    const at = Date.parse(call.createdAt);
    let lo = 0;
    let hi = list.length - 1;
    // Binary search: the last bucket starting at or before the call.
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if ((list[mid]?.start ?? Infinity) <= at) lo = mid;
      else hi = mid - 1;
    }
    const bucket = list[lo];
    if (bucket && bucket.start <= at) bucket.calls++;
  }
  return list.map((b) => ({ start: new Date(b.start).toISOString(), calls: b.calls }));
}

/** DOMAIN §9 "data": calls, when they came, what about, and the callbacks they left. */
export function callStats(
  calls: Iterable<CallLog>,
  window: { start: Date; end: Date },
  timeZone: string,
): CallStats {
  const inWindow = callsInWindow(calls, window);
  const start = window.start.getTime();
  const end = window.end.getTime();
  const hourStart = startOfHour(new TZDate(start, timeZone)).getTime();
  const quarterStart = Math.floor(start / QUARTER) * QUARTER;

  const byType = new Map<string, TypeStats>();
  let wanted = 0;
  let owed = 0;
  let handled = 0;
  let handlingMs = 0;
  for (const call of inWindow) {
    const row = byType.get(call.problemType) ?? {
      problemType: call.problemType,
      calls: 0,
      vip: 0,
      complaints: 0,
    };
    row.calls++;
    if (call.vip) row.vip++;
    if (call.complaint) row.complaints++;
    byType.set(call.problemType, row);
    if (call.callbackWanted) wanted++;
    if (callbackOwed(call)) owed++;
    if (call.startedAt && call.endedAt) {
      const ms = Date.parse(call.endedAt) - Date.parse(call.startedAt);
      if (ms >= 0) {
        handled++;
        handlingMs += ms;
      }
    }
  }
  return {
    total: inWindow.length,
    // Whole hours of the site's zone: time zones off by a half hour (India) still get hours of their own clock.
    perHour: buckets(inWindow, hourStart, end, (t) => t + 60 * MINUTE),
    perQuarter: buckets(inWindow, quarterStart, end, (t) => t + QUARTER),
    byType: [...byType.values()].sort(
      (a, b) => b.calls - a.calls || a.problemType.localeCompare(b.problemType),
    ),
    callbacks: { wanted, done: wanted - owed, owed },
    averageHandlingMinutes: handled === 0 ? null : Math.round((handlingMs / handled / MINUTE) * 10) / 10,
  };
}
