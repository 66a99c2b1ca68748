import type { ProblemClass } from '../domain/problem-class';
import type { LevelId, Person, ProblemType, RoleId, SeverityLevel, SitePolicy } from './schema';

/** Position of a level in the policy's scale: 0 = highest; -1 when the policy has no such level (like indexOf). */
export function levelRank(policy: SitePolicy, levelId: LevelId): number {
  return policy.levels.findIndex((level) => level.id === levelId);
}

/**
 * Sort comparator, most severe first: negative when `a` is higher than `b`. Unknown ids sort after every known level,
 * so stale data never outranks a real level.
 */
export function compareLevels(policy: SitePolicy, a: LevelId, b: LevelId): number {
  const rank = (id: LevelId) => {
    const r = levelRank(policy, id);
    return r === -1 ? policy.levels.length : r;
  };
  return rank(a) - rank(b);
}

/** The most severe of `ids` that the policy knows, or null when none. */
export function highestLevel(policy: SitePolicy, ids: Iterable<LevelId | null | undefined>): LevelId | null {
  let best: LevelId | null = null;
  for (const id of ids) {
    if (id == null || levelRank(policy, id) === -1) continue;
    if (best === null || compareLevels(policy, id, best) < 0) best = id;
  }
  return best;
}

/** The bottom of the scale (一般 by default): what final grading gives when no criterion reaches higher. */
export function lowestLevel(policy: SitePolicy): LevelId {
  const last = policy.levels.at(-1);
  // The schema requires at least one level.
  if (last === undefined) throw new RangeError('The policy has no severity levels');
  return last.id;
}

export function levelOf(policy: SitePolicy, levelId: LevelId): SeverityLevel | undefined {
  return policy.levels.find((level) => level.id === levelId);
}

export function problemTypeOf(policy: SitePolicy, problemTypeId: string): ProblemType | undefined {
  return policy.problemTypes.find((type) => type.id === problemTypeId);
}

/** The class (security / key / regular) of a problem type, or undefined when the policy has no such type. */
export function problemClassOf(policy: SitePolicy, problemTypeId: string): ProblemClass | undefined {
  return problemTypeOf(policy, problemTypeId)?.problemClass;
}

/** People holding `role` in the contact tree, those on duty first, otherwise in tree order. */
export function peopleForRole(policy: SitePolicy, role: RoleId): Person[] {
  const holders = policy.contacts.people.filter((p) => p.role === role);
  return [...holders.filter((p) => p.onDuty), ...holders.filter((p) => !p.onDuty)];
}
