import { format } from 'date-fns';
import { interpolate } from '@shared/i18n/format';

/** The `power.minutes` messages, passed in so this stays a pure function (tray, tests, React alike). */
export interface MinutesMessages {
  unknown: string;
  minutes: string;
  hoursMinutes: string;
}

/**
 * "How long is left / how long has it been" for people deciding whether to start the generator: whole minutes,
 * rounded down (promising a minute the battery does not have is worse than under-promising), hours from 60 on.
 */
export function formatMinutes(minutes: number | null, messages: MinutesMessages): string {
  if (minutes === null || !Number.isFinite(minutes) || minutes < 0) return messages.unknown;
  const whole = Math.floor(minutes);
  if (whole < 60) return interpolate(messages.minutes, { minutes: whole });
  return interpolate(messages.hoursMinutes, { hours: Math.floor(whole / 60), minutes: whole % 60 });
}

/** Minutes between an ISO instant and now (epoch ms), never negative (clocks of two processes may differ). */
export function minutesSince(iso: string, now: number): number {
  return Math.max(0, (now - Date.parse(iso)) / 60_000);
}

/** "HH:mm" of an ISO instant, in the seat's time zone, for cards, banners and reasons. */
export function clockTime(iso: string): string {
  return format(new Date(iso), 'HH:mm');
}
