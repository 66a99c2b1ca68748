import { countsByProblemType } from '../calls/counts';
import type { CallLog } from '../calls/schema';
import { gradePreliminary } from '../grading/preliminary';
import { mustRaiseAlert } from '../grading/alerts';
import { problemClassOf, problemTypeOf, type LevelId, type SitePolicy } from '../policy';

export interface LevelSuggestion {
  /** What the last hour of the call sheet grades to (DOMAIN §4), or null when no band is reached. */
  level: LevelId | null;
  reasons: string[];
  /** Problem types whose last 30 minutes must be reported (DOMAIN §3), with the rule that fired. */
  alerts: { problemType: string; reason: string }[];
}

/** The declaration dialog's suggestion: the call sheet's counts graded by the site policy at `now`. */
export function suggestLevel(
  policy: SitePolicy,
  calls: Iterable<Pick<CallLog, 'problemType' | 'createdAt' | 'vip'>>,
  now: Date,
): LevelSuggestion {
  const counts = countsByProblemType(calls, now);
  const grade = gradePreliminary(policy, counts);
  const alerts = counts.flatMap((row) => {
    const problemClass = problemClassOf(policy, row.problemType);
    if (problemClass === undefined) return [];
    const alert = mustRaiseAlert(policy, {
      problemClass,
      ordinaryIn30Min: row.ordinaryIn30Min,
      vipIn30Min: row.vipIn30Min,
      coreOperation: problemTypeOf(policy, row.problemType)?.coreOperation ?? false,
    });
    return alert.raise ? [{ problemType: row.problemType, reason: alert.reason }] : [];
  });
  return { level: grade.level, reasons: grade.reasons, alerts };
}
