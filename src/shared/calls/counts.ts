import type { CallLog } from './schema';

/** Complaint counts per problem type in the two windows the grading rules use (DOMAIN.md §3 and §4). */
export interface ProblemTypeCounts {
  problemType: string;
  ordinaryIn30Min: number;
  vipIn30Min: number;
  ordinaryPerHour: number;
  vipPerHour: number;
}

const MINUTE = 60_000;

/**
 * Counts calls by problem type over the last 30 and 60 minutes before `now` (inclusive of the window start).
 * Calls in the future of `now` (a skewed clock) are ignored rather than counted twice.
 */
export function countsByProblemType(
  calls: Iterable<Pick<CallLog, 'problemType' | 'createdAt' | 'vip'>>,
  now: Date,
): ProblemTypeCounts[] {
  const end = now.getTime();
  const start30 = end - 30 * MINUTE;
  const start60 = end - 60 * MINUTE;
  const byType = new Map<string, ProblemTypeCounts>();
  for (const call of calls) {
    const at = Date.parse(call.createdAt);
    if (Number.isNaN(at) || at > end || at < start60) continue;
    let row = byType.get(call.problemType);
    if (!row) {
      row = {
        problemType: call.problemType,
        ordinaryIn30Min: 0,
        vipIn30Min: 0,
        ordinaryPerHour: 0,
        vipPerHour: 0,
      };
      byType.set(call.problemType, row);
    }
    if (call.vip) {
      row.vipPerHour++;
      if (at >= start30) row.vipIn30Min++;
    } else {
      row.ordinaryPerHour++;
      if (at >= start30) row.ordinaryIn30Min++;
    }
  }
  return [...byType.values()].sort((a, b) => a.problemType.localeCompare(b.problemType));
}
