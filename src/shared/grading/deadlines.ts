import { calendarTimeAt, nextServiceStart, type ClockId, type LevelId, type SitePolicy } from '../policy';

export type TimeKind = 'working' | 'off-hours';

export type Deadlines = { clockStart: Date; timeKind: TimeKind } & Record<ClockId, Date>;

/**
 * DOMAIN §5: the four deadlines of an incident declared at `declaredAt`. In no-service time the clocks start at the
 * next service start; the table used (working or off-hours) is the one in force when the clocks start. Durations are
 * elapsed time, so a deadline may run past the end of working hours.
 */
export function deadlines(policy: SitePolicy, level: LevelId, declaredAt: Date): Deadlines {
  const row = policy.deadlines[level];
  if (row === undefined) throw new RangeError(`Unknown level "${level}"`);

  const clockStart =
    calendarTimeAt(policy, declaredAt) === 'no-service'
      ? (nextServiceStart(policy, declaredAt) ?? declaredAt)
      : declaredAt;
  const timeKind: TimeKind = calendarTimeAt(policy, clockStart) === 'working' ? 'working' : 'off-hours';
  const minutes = timeKind === 'working' ? row.working : row.offHours;

  const at = (clock: ClockId) => new Date(clockStart.getTime() + minutes[clock] * 60_000);
  return {
    clockStart: new Date(clockStart.getTime()),
    timeKind,
    notifyOwner: at('notifyOwner'),
    realtimePlan: at('realtimePlan'),
    rootCausePlan: at('rootCausePlan'),
    reportUp: at('reportUp'),
  };
}
