import { highestLevel, levelRank, lowestLevel, type LevelId, type SitePolicy } from '../policy';

export interface FinalInput {
  /** Hours of availability impact. */
  availabilityHours: number;
  /** Loss caused, in CNY. */
  lossCny: number;
  /** The level the complaint volume reached (DOMAIN §4), when known. */
  complaintLevel?: LevelId | null;
}

function finiteNonNegative(value: number, what: string): number {
  if (!Number.isFinite(value) || value < 0)
    throw new RangeError(`${what} must be a finite number ≥ 0, got ${value}`);
  return value;
}

/** The most severe level whose threshold `value` strictly exceeds, with the threshold that got it there. */
function byThreshold(
  policy: SitePolicy,
  entries: readonly { above: number; level: LevelId }[],
  value: number,
): { above: number; level: LevelId } | undefined {
  const exceeded = entries.filter((entry) => value > entry.above);
  const level = highestLevel(
    policy,
    exceeded.map((entry) => entry.level),
  );
  return exceeded.find((entry) => entry.level === level);
}

/**
 * DOMAIN §6: availability, loss and complaint volume are alternatives ("or"); the most severe level any of them reaches
 * is the final level. Below every threshold → the lowest level of the scale.
 */
export function gradeFinal(policy: SitePolicy, input: FinalInput): { level: LevelId; reasons: string[] } {
  const hours = finiteNonNegative(input.availabilityHours, 'availabilityHours');
  const loss = finiteNonNegative(input.lossCny, 'lossCny');
  const candidates: { level: LevelId; reason: string }[] = [];

  const availability = byThreshold(policy, policy.grading.final.availabilityHours, hours);
  if (availability) {
    candidates.push({
      level: availability.level,
      reason: `availability ${hours}h > ${availability.above}h -> ${availability.level}`,
    });
  }
  const lossHit = byThreshold(policy, policy.grading.final.lossCny, loss);
  if (lossHit) {
    candidates.push({
      level: lossHit.level,
      reason: `loss ${loss} CNY > ${lossHit.above} CNY -> ${lossHit.level}`,
    });
  }
  const complaint = input.complaintLevel;
  if (complaint != null) {
    if (levelRank(policy, complaint) === -1) throw new RangeError(`Unknown complaint level "${complaint}"`);
    candidates.push({ level: complaint, reason: `complaint volume -> ${complaint}` });
  }

  const level = highestLevel(
    policy,
    candidates.map((c) => c.level),
  );
  if (level === null) {
    const floor = lowestLevel(policy);
    return { level: floor, reasons: [`no criterion above ${floor} -> ${floor}`] };
  }
  return { level, reasons: candidates.filter((c) => c.level === level).map((c) => c.reason) };
}
