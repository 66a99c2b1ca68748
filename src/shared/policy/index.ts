/** The site policy: DOMAIN.md's defaults, what a site's policy file may change, and lookups over it. */
export {
  AlertThreshold,
  Band,
  bandText,
  Calendar,
  CLOCK_IDS,
  ClockId,
  Clocks,
  ContactTree,
  DeadlineRow,
  EscalationPolicy,
  EscalationStep,
  Hours,
  isValidTimeZone,
  Labels,
  LevelId,
  Person,
  ProblemType,
  RoleId,
  SeverityLevel,
  SitePolicy,
  SitePolicyFile,
  Team,
  TimeZone,
  Weekday,
  WEEKDAYS,
} from './schema';
export { defaultPolicy } from './defaults';
export { deepMerge, formatIssues, mergePolicy, parseSitePolicy, PolicyError } from './merge';
export type { ParsePolicyResult, PolicyIssue } from './merge';
export {
  compareLevels,
  highestLevel,
  levelOf,
  levelRank,
  lowestLevel,
  peopleForRole,
  problemClassOf,
  problemTypeOf,
} from './levels';
export { calendarTimeAt, isWorkingDay, nextServiceStart } from './calendar';
export type { CalendarTime } from './calendar';
export { policyFileJsonSchema } from './json-schema';
export { ContactEdit, effectivePolicy } from './effective';
export type { EffectivePolicy, PolicyLayers } from './effective';
