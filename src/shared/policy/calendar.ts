import { TZDate } from '@date-fns/tz';
import { WEEKDAYS, type Calendar, type Hours, type SitePolicy } from './schema';

/**
 * DOMAIN §5: three kinds of time. `working` = working hours of a working day; `off-hours` = staffed but not working
 * (evenings, weekends, holidays inside service hours); `no-service` = nobody on the floor.
 * All wall-clock reasoning happens in the policy's zone through TZDate, whatever the machine's zone.
 */
export type CalendarTime = 'working' | 'off-hours' | 'no-service';

interface Day {
  year: number;
  /** 0–11, as Date. */
  month: number;
  date: number;
  iso: string;
  weekday: (typeof WEEKDAYS)[number];
}

function dayOf(calendar: Calendar, at: Date): Day {
  return describe(new TZDate(at.getTime(), calendar.timeZone));
}

function describe(wall: TZDate): Day {
  const year = wall.getFullYear();
  const month = wall.getMonth();
  const date = wall.getDate();
  const iso = `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
  return { year, month, date, iso, weekday: WEEKDAYS[wall.getDay()] ?? 'sun' };
}

/** The wall day `offset` days after `day`. Noon, so a DST jump at midnight cannot land on the wrong date. */
function shiftDay(calendar: Calendar, day: Day, offset: number): Day {
  return describe(new TZDate(day.year, day.month, day.date + offset, 12, 0, calendar.timeZone));
}

function wallTime(calendar: Calendar, day: Day, hhmm: string): number {
  const [hours = 0, minutes = 0] = hhmm.split(':').map(Number);
  // TZDate normalises 24:00 to the next midnight, which is what an end of "24:00" means.
  return new TZDate(day.year, day.month, day.date, hours, minutes, calendar.timeZone).getTime();
}

function isWorkingDate(calendar: Calendar, day: Day): boolean {
  if (calendar.workdays.includes(day.iso)) return true;
  return calendar.workingHours.days.includes(day.weekday) && !calendar.holidays.includes(day.iso);
}

/** A make-up working day is staffed even when the service days leave out its weekday. */
function isServiceDay(calendar: Calendar, day: Day): boolean {
  return calendar.serviceHours.days.includes(day.weekday) || calendar.workdays.includes(day.iso);
}

/** Staffed intervals of one wall day: its service window and, on a working day, its working window. */
function staffedWindows(calendar: Calendar, day: Day): { start: number; end: number; working: boolean }[] {
  const window = (hours: Hours, working: boolean) => ({
    start: wallTime(calendar, day, hours.start),
    end: wallTime(calendar, day, hours.end),
    working,
  });
  const windows = [];
  if (isWorkingDate(calendar, day)) windows.push(window(calendar.workingHours, true));
  if (isServiceDay(calendar, day)) windows.push(window(calendar.serviceHours, false));
  return windows;
}

/** Whether the wall date of `at` in the site's zone is a working day (weekday, not a holiday, or a make-up day). */
export function isWorkingDay(policy: SitePolicy, at: Date): boolean {
  return isWorkingDate(policy.calendar, dayOf(policy.calendar, at));
}

export function calendarTimeAt(policy: SitePolicy, at: Date): CalendarTime {
  const calendar = policy.calendar;
  const t = at.getTime();
  const inside = staffedWindows(calendar, dayOf(calendar, at)).filter((w) => w.start <= t && t < w.end);
  if (inside.some((w) => w.working)) return 'working';
  return inside.length > 0 ? 'off-hours' : 'no-service';
}

/**
 * The next moment after `at` when no-service time ends and the floor becomes staffed, or null when there is none
 * within a fortnight (the schema's "at least one service day" rule makes that impossible for a checked policy).
 */
export function nextServiceStart(policy: SitePolicy, at: Date): Date | null {
  const calendar = policy.calendar;
  const t = at.getTime();
  const today = dayOf(calendar, at);
  for (let offset = 0; offset <= 14; offset++) {
    const starts = staffedWindows(calendar, shiftDay(calendar, today, offset))
      .map((w) => w.start)
      .filter((start) => start > t)
      // A window opening inside another one (09:00 working inside 08:00 service) is no service start.
      .filter((start) => calendarTimeAt(policy, new Date(start - 1)) === 'no-service')
      .sort((a, b) => a - b);
    if (starts[0] !== undefined) return new Date(starts[0]);
  }
  return null;
}
