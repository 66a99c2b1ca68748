/** The grading engine: DOMAIN §3–§6 over a site policy. Pure: no clock, no I/O; the caller passes the time. */
export { defaultPolicy } from '../policy';
export type { LevelId, SitePolicy } from '../policy';
export { gradePreliminary } from './preliminary';
export type { Observation, PreliminaryGrade } from './preliminary';
export { mustRaiseAlert } from './alerts';
export type { AlertInput } from './alerts';
export { deadlines } from './deadlines';
export type { Deadlines, TimeKind } from './deadlines';
export { gradeFinal } from './final';
export type { FinalInput } from './final';
