import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadlines, defaultPolicy } from '@shared/grading';
import { calendarTimeAt, mergePolicy, nextServiceStart } from '@shared/policy';

/*
 * Every instant is written with its Shanghai offset (+08:00), so the expectations do not depend on the machine.
 * The machine zone is forced to New York to prove the engine reasons in the policy's zone, not the process's.
 * Reference dates: 2025-01-06 is a Monday, 2025-01-10 a Friday, 2025-10-01 a Wednesday (National Day),
 * 2025-09-28 a Sunday (a real 调休 make-up working day).
 */
const sh = (wall: string) => new Date(`${wall}+08:00`);
const iso = (wall: string) => sh(wall).toISOString();
const plus = (wall: string, minutes: number) => new Date(sh(wall).getTime() + minutes * 60_000).toISOString();

const savedTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/New_York';
});
afterAll(() => {
  process.env.TZ = savedTz;
});

const policy = defaultPolicy();

function summary(level: string, declared: string, site = policy) {
  const d = deadlines(site, level, sh(declared));
  return {
    clockStart: d.clockStart.toISOString(),
    timeKind: d.timeKind,
    notifyOwner: d.notifyOwner.toISOString(),
    realtimePlan: d.realtimePlan.toISOString(),
    rootCausePlan: d.rootCausePlan.toISOString(),
    reportUp: d.reportUp.toISOString(),
  };
}

type Minutes = readonly [notifyOwner: number, realtimePlan: number, rootCausePlan: number, reportUp: number];

/** Minutes from DOMAIN §5. */
const WORKING = {
  major: [5, 20, 60, 10],
  urgent: [10, 30, 120, 15],
  serious: [15, 60, 180, 20],
  general: [20, 120, 240, 30],
} as const satisfies Record<string, Minutes>;
const OFF_HOURS = {
  major: [30, 120, 240, 60],
  urgent: [60, 180, 360, 120],
  serious: [120, 240, 480, 180],
  general: [240, 360, 720, 300],
} as const satisfies Record<string, Minutes>;

function expected(start: string, timeKind: 'working' | 'off-hours', [n, r, c, u]: Minutes) {
  return {
    clockStart: iso(start),
    timeKind,
    notifyOwner: plus(start, n),
    realtimePlan: plus(start, r),
    rootCausePlan: plus(start, c),
    reportUp: plus(start, u),
  };
}

describe('the machine zone is not the policy zone', () => {
  it('runs with TZ=America/New_York', () => {
    // In January New York is UTC−5 (300 min); Shanghai would be −480.
    expect(new Date('2025-01-06T12:00:00Z').getTimezoneOffset()).toBe(300);
  });

  it('Monday 08:30 in Shanghai is Sunday evening in New York, yet staffed off-hours, not no-service', () => {
    expect(calendarTimeAt(policy, sh('2025-01-06T08:30:00'))).toBe('off-hours');
    expect(calendarTimeAt(policy, sh('2025-01-06T09:30:00'))).toBe('working');
  });
});

describe('deadlines per level', () => {
  it.each(Object.entries(WORKING))('%s in working hours (Monday 10:00)', (level, minutes) => {
    expect(summary(level, '2025-01-06T10:00:00')).toEqual(
      expected('2025-01-06T10:00:00', 'working', minutes),
    );
  });

  it.each(Object.entries(OFF_HOURS))('%s in staffed off-hours (Monday 19:00)', (level, minutes) => {
    expect(summary(level, '2025-01-06T19:00:00')).toEqual(
      expected('2025-01-06T19:00:00', 'off-hours', minutes),
    );
  });

  it.each(Object.entries(OFF_HOURS))(
    '%s in no-service time (Tuesday 02:00 -> 08:00, off-hours)',
    (level, minutes) => {
      expect(summary(level, '2025-01-07T02:00:00')).toEqual(
        expected('2025-01-07T08:00:00', 'off-hours', minutes),
      );
    },
  );

  it('spells one case out: major at 02:00 notifies the owner by 08:30', () => {
    const d = deadlines(policy, 'major', sh('2025-01-07T02:00:00'));
    expect(d.clockStart.toISOString()).toBe('2025-01-07T00:00:00.000Z');
    expect(d.notifyOwner.toISOString()).toBe('2025-01-07T00:30:00.000Z');
    expect(d.timeKind).toBe('off-hours');
  });

  it('Friday 23:00 starts on Saturday 08:00, off-hours', () => {
    expect(summary('urgent', '2025-01-10T23:00:00')).toEqual(
      expected('2025-01-11T08:00:00', 'off-hours', OFF_HOURS.urgent),
    );
  });

  it('Saturday daytime is staffed off-hours', () => {
    expect(summary('serious', '2025-01-11T10:00:00').timeKind).toBe('off-hours');
  });

  it('durations are elapsed time and run past the end of the working day', () => {
    expect(summary('general', '2025-01-06T17:50:00')).toEqual(
      expected('2025-01-06T17:50:00', 'working', WORKING.general),
    );
  });

  it('refuses a level the policy does not have', () => {
    expect(() => deadlines(policy, 'catastrophic', sh('2025-01-06T10:00:00'))).toThrow(
      'Unknown level "catastrophic"',
    );
  });
});

describe('boundaries (start inclusive, end exclusive)', () => {
  it.each([
    ['2025-01-06T07:59:00', '2025-01-06T08:00:00', 'off-hours'],
    ['2025-01-06T08:00:00', '2025-01-06T08:00:00', 'off-hours'],
    ['2025-01-06T08:59:59', '2025-01-06T08:59:59', 'off-hours'],
    ['2025-01-06T09:00:00', '2025-01-06T09:00:00', 'working'],
    ['2025-01-06T17:59:59', '2025-01-06T17:59:59', 'working'],
    ['2025-01-06T18:00:00', '2025-01-06T18:00:00', 'off-hours'],
    ['2025-01-06T21:59:00', '2025-01-06T21:59:00', 'off-hours'],
    ['2025-01-06T22:00:00', '2025-01-07T08:00:00', 'off-hours'],
    ['2025-01-07T00:00:00', '2025-01-07T08:00:00', 'off-hours'],
  ])('declared %s -> clocks start %s, %s', (declared, start, kind) => {
    const d = deadlines(policy, 'major', sh(declared));
    expect(d.clockStart.toISOString()).toBe(iso(start));
    expect(d.timeKind).toBe(kind);
  });

  it('a Sunday-night 22:00 declaration waits for Monday 08:00, which is still before working hours', () => {
    expect(summary('major', '2025-01-05T22:00:00')).toEqual(
      expected('2025-01-06T08:00:00', 'off-hours', OFF_HOURS.major),
    );
  });
});

describe('holidays and make-up working days', () => {
  const site = mergePolicy(policy, { calendar: { holidays: ['2025-10-01'], workdays: ['2025-09-28'] } });

  it('a holiday weekday is staffed off-hours', () => {
    expect(summary('urgent', '2025-10-01T10:00:00')).toEqual(
      expected('2025-10-01T10:00:00', 'working', WORKING.urgent),
    );
    expect(summary('urgent', '2025-10-01T10:00:00', site)).toEqual(
      expected('2025-10-01T10:00:00', 'off-hours', OFF_HOURS.urgent),
    );
  });

  it('a make-up Sunday is a working day', () => {
    expect(summary('serious', '2025-09-28T10:00:00').timeKind).toBe('off-hours');
    expect(summary('serious', '2025-09-28T10:00:00', site)).toEqual(
      expected('2025-09-28T10:00:00', 'working', WORKING.serious),
    );
  });

  it('a night before a holiday still starts at 08:00, off-hours', () => {
    expect(summary('major', '2025-10-01T03:00:00', site).clockStart).toBe(iso('2025-10-01T08:00:00'));
    expect(summary('major', '2025-10-01T03:00:00', site).timeKind).toBe('off-hours');
  });
});

describe('other calendars', () => {
  it('a site with working hours before service hours opens at the working start', () => {
    const site = mergePolicy(policy, { calendar: { workingHours: { start: '07:30' } } });
    expect(summary('major', '2025-01-06T03:00:00', site)).toEqual(
      expected('2025-01-06T07:30:00', 'working', WORKING.major),
    );
    // Saturday is no working day, so the service start still counts.
    expect(summary('major', '2025-01-11T03:00:00', site).clockStart).toBe(iso('2025-01-11T08:00:00'));
  });

  it('round-the-clock service has no no-service time', () => {
    const site = mergePolicy(policy, { calendar: { serviceHours: { start: '00:00', end: '24:00' } } });
    expect(summary('major', '2025-01-07T02:00:00', site)).toEqual(
      expected('2025-01-07T02:00:00', 'off-hours', OFF_HOURS.major),
    );
    expect(nextServiceStart(site, sh('2025-01-07T02:00:00'))).toBeNull();
  });

  it('service only on weekdays: Saturday night waits until Monday', () => {
    const site = mergePolicy(policy, {
      calendar: { serviceHours: { days: ['mon', 'tue', 'wed', 'thu', 'fri'] } },
    });
    expect(summary('general', '2025-01-11T12:00:00', site).clockStart).toBe(iso('2025-01-13T08:00:00'));
  });

  it('uses the zone of the policy, including its daylight saving time', () => {
    // Berlin: CET (+01:00) until 2025-03-30, CEST (+02:00) after. Monday 2025-03-31 09:00 CEST is 07:00Z.
    const berlin = mergePolicy(policy, { calendar: { timeZone: 'Europe/Berlin' } });
    const monday = deadlines(berlin, 'major', new Date('2025-03-31T07:00:00Z'));
    expect(monday.timeKind).toBe('working');
    expect(deadlines(berlin, 'major', new Date('2025-03-31T06:59:00Z')).timeKind).toBe('off-hours');
    // Sunday 2025-03-30 02:00Z is 04:00 CEST, no-service: clocks start 08:00 CEST = 06:00Z.
    expect(deadlines(berlin, 'major', new Date('2025-03-30T02:00:00Z')).clockStart.toISOString()).toBe(
      '2025-03-30T06:00:00.000Z',
    );
  });
});
