import type { CallLog } from '../calls/schema';
import { gradePreliminary } from '../grading/preliminary';
import { compareLevels, type LevelId, type SitePolicy } from '../policy';

const HOUR = 3_600_000;

export type CallForCounts = Pick<CallLog, 'problemType' | 'createdAt' | 'vip'>;

export interface PeakCount {
  problemType: string;
  /** The most ordinary / VIP calls of this type within any one hour that ended inside the window. */
  ordinaryPerHour: number;
  vipPerHour: number;
}

export interface ComplaintGrade {
  /** The highest level the call sheet reached at any moment of the window (DOMAIN §4); null when none. */
  level: LevelId | null;
  /** `gradePreliminary`'s reasons at the moment that level was first reached. */
  reasons: string[];
  /** When it was first reached. */
  at: string | null;
  peaks: PeakCount[];
}

/**
 * Complaint volume over an incident (DOMAIN §6 "per §4"): the hourly counts are those the floor saw at each moment of
 * the window — the hour before each call, as `countsByProblemType` counts them (both ends included) — and the
 * window grades as the worst of those moments. A sliding window keeps it linear in the number of calls.
 */
export function gradeComplaints(
  policy: SitePolicy,
  calls: Iterable<CallForCounts>,
  window: { start: Date; end: Date },
): ComplaintGrade {
  const start = window.start.getTime();
  const end = window.end.getTime();
  const timed = [...calls]
    .map((call) => ({ call, at: Date.parse(call.createdAt) }))
    .filter(({ at }) => Number.isFinite(at) && at >= start - HOUR && at <= end)
    .sort((a, b) => a.at - b.at);

  const live = new Map<string, { ordinary: number; vip: number }>();
  const peaks = new Map<string, PeakCount>();
  let best: ComplaintGrade = { level: null, reasons: [], at: null, peaks: [] };
  let tail = 0;

  // Moments to look at: the window start (what was already on the sheet) and every call inside the window.
  const moments = [start, ...timed.map(({ at }) => at).filter((at) => at >= start)];
  let head = 0;
  for (const moment of moments) {
    while (head < timed.length && (timed[head]?.at ?? Infinity) <= moment) {
      const { call } = timed[head] as (typeof timed)[number];
      const row = live.get(call.problemType) ?? { ordinary: 0, vip: 0 };
      if (call.vip) row.vip++;
      else row.ordinary++;
      live.set(call.problemType, row);
      head++;
    }
    while (tail < head && (timed[tail]?.at ?? Infinity) < moment - HOUR) {
      const { call } = timed[tail] as (typeof timed)[number];
      const row = live.get(call.problemType);
      if (row) {
        if (call.vip) row.vip--;
        else row.ordinary--;
      }
      tail++;
    }
    const observations = [...live].map(([problemType, row]) => ({
      problemType,
      ordinaryPerHour: row.ordinary,
      vipPerHour: row.vip,
    }));
    for (const obs of observations) {
      const peak = peaks.get(obs.problemType) ?? {
        problemType: obs.problemType,
        ordinaryPerHour: 0,
        vipPerHour: 0,
      };
      peak.ordinaryPerHour = Math.max(peak.ordinaryPerHour, obs.ordinaryPerHour);
      peak.vipPerHour = Math.max(peak.vipPerHour, obs.vipPerHour);
      peaks.set(obs.problemType, peak);
    }
    const grade = gradePreliminary(policy, observations);
    if (grade.level !== null && (best.level === null || compareLevels(policy, grade.level, best.level) < 0)) {
      best = { level: grade.level, reasons: grade.reasons, at: new Date(moment).toISOString(), peaks: [] };
    }
  }
  return {
    ...best,
    peaks: [...peaks.values()]
      .filter((p) => p.ordinaryPerHour + p.vipPerHour > 0)
      .sort((a, b) => a.problemType.localeCompare(b.problemType)),
  };
}
