import { gradeFinal } from '../grading/final';
import type { DecidingCriterion } from '../incidents/events';
import type { LevelId, SitePolicy } from '../policy';

export interface FinalGradeInput {
  availabilityHours: number;
  lossCny: number;
  complaintLevel: LevelId | null;
}

export interface FinalGradeResult {
  level: LevelId;
  /** The criterion that decided; when several reach the same level, the first of availability, loss, complaints. */
  decidingCriterion: DecidingCriterion;
  /** Every criterion that reached the final level. */
  criteria: DecidingCriterion[];
  reasons: string[];
}

/** `gradeFinal`'s reasons start with the criterion they came from (see grading/final.ts). */
function criterionOf(reason: string): DecidingCriterion {
  if (reason.startsWith('availability')) return 'availability';
  if (reason.startsWith('loss')) return 'loss';
  if (reason.startsWith('complaint')) return 'complaints';
  return 'none';
}

/** DOMAIN §6 with the deciding criterion named, as the `final-graded` event and the report need it. */
export function finalGrade(policy: SitePolicy, input: FinalGradeInput): FinalGradeResult {
  const graded = gradeFinal(policy, input);
  const criteria = [...new Set(graded.reasons.map(criterionOf))];
  return {
    level: graded.level,
    decidingCriterion: criteria[0] ?? 'none',
    criteria,
    reasons: graded.reasons,
  };
}
