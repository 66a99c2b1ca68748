import { bandText, highestLevel, problemTypeOf, type Band, type LevelId, type SitePolicy } from '../policy';

export interface Observation {
  /** A problem type id from the policy. */
  problemType: string;
  /** Complaints from ordinary customers in the last hour. */
  ordinaryPerHour: number;
  /** Complaints from VIP customers in the last hour. */
  vipPerHour: number;
}

export interface PreliminaryGrade {
  level: LevelId | null;
  /** Which type, column and band decided (`login-failure ordinary 11/h in band 11+ -> urgent`), plus ignored input. */
  reasons: string[];
}

/** A band is reached by whole complaints: 10.9 per hour has not yet reached 11. */
function wholeCount(value: number, what: string): number {
  if (!Number.isFinite(value) || value < 0)
    throw new RangeError(`${what} must be a finite count ≥ 0, got ${value}`);
  return Math.floor(value);
}

/** The most severe band containing `count` (bands of one column do not overlap in a checked policy). */
function bandFor(policy: SitePolicy, bands: readonly Band[], count: number): Band | undefined {
  const matching = bands.filter((b) => count >= b.min && (b.max === null || count <= b.max));
  const level = highestLevel(
    policy,
    matching.map((b) => b.level),
  );
  return matching.find((b) => b.level === level);
}

/**
 * DOMAIN §4: each observation is looked up in its type's bands, ordinary and VIP columns separately; the most severe
 * level reached by any observation and column wins. Nothing reached → null.
 */
export function gradePreliminary(policy: SitePolicy, observations: readonly Observation[]): PreliminaryGrade {
  const hits: { level: LevelId; reason: string }[] = [];
  const notes: string[] = [];

  for (const obs of observations) {
    const type = problemTypeOf(policy, obs.problemType);
    if (type === undefined) {
      notes.push(`unknown problem type "${obs.problemType}" ignored`);
      continue;
    }
    const ordinary = wholeCount(obs.ordinaryPerHour, 'ordinaryPerHour');
    const vip = wholeCount(obs.vipPerHour, 'vipPerHour');
    const noVipColumn = type.bands.vip.length === 0;

    const columns =
      noVipColumn && policy.grading.vipWithoutBandsCountsAsOrdinary
        ? [{ name: vip > 0 ? 'ordinary+vip' : 'ordinary', count: ordinary + vip, bands: type.bands.ordinary }]
        : [
            { name: 'ordinary', count: ordinary, bands: type.bands.ordinary },
            { name: 'vip', count: vip, bands: type.bands.vip },
          ];
    for (const column of columns) {
      const band = bandFor(policy, column.bands, column.count);
      if (band === undefined) continue;
      hits.push({
        level: band.level,
        reason: `${type.id} ${column.name} ${column.count}/h in band ${bandText(band)} -> ${band.level}`,
      });
    }
  }

  const level = highestLevel(
    policy,
    hits.map((hit) => hit.level),
  );
  const deciding = hits.filter((hit) => hit.level === level).map((hit) => hit.reason);
  return { level, reasons: [...deciding, ...notes] };
}
