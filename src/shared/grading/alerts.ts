import type { ProblemClass } from '../domain/problem-class';
import type { SitePolicy } from '../policy';

export interface AlertInput {
  problemClass: ProblemClass;
  /** Same-type complaints from ordinary customers in the alert window (30 minutes by default). */
  ordinaryIn30Min: number;
  vipIn30Min: number;
  /** The fault touches a core operation (login, betting, payment/funds). */
  coreOperation?: boolean;
  /** Known share of users affected, 0–1 (drop in active users vs the same period, or affected / participants). */
  affectedRatio?: number;
}

/** DOMAIN §3: must the floor report and grade this problem now? */
export function mustRaiseAlert(policy: SitePolicy, input: AlertInput): { raise: boolean; reason: string } {
  const threshold = policy.alerts.thresholds[input.problemClass];
  const window = `${policy.alerts.windowMinutes} min`;
  const ratioThreshold = policy.alerts.coreOperationAffectedRatio;
  const reasons: string[] = [];

  if (input.ordinaryIn30Min >= threshold.ordinary) {
    reasons.push(
      `ordinary ${input.ordinaryIn30Min} in ${window} >= ${input.problemClass} threshold ${threshold.ordinary}`,
    );
  }
  if (input.vipIn30Min >= threshold.vip) {
    reasons.push(`vip ${input.vipIn30Min} in ${window} >= ${input.problemClass} threshold ${threshold.vip}`);
  }
  if (
    input.coreOperation === true &&
    input.affectedRatio !== undefined &&
    input.affectedRatio >= ratioThreshold
  ) {
    reasons.push(`core operation affected ratio ${input.affectedRatio} >= ${ratioThreshold}`);
  }

  if (reasons.length > 0) return { raise: true, reason: reasons.join('; ') };
  return {
    raise: false,
    reason:
      `below ${input.problemClass} thresholds (ordinary ${threshold.ordinary}, vip ${threshold.vip} in ${window})` +
      (input.coreOperation === true ? ` and affected ratio below ${ratioThreshold}` : ''),
  };
}
