import { TZDate } from '@date-fns/tz';
import { differenceInSeconds, format } from 'date-fns';
import type { Labels } from '@shared/policy';
import type { Locale } from '@shared/settings/schema';

/** Wall-clock time in the site's zone (the policy calendar), whatever the machine's zone is. */
export function clockTime(at: Date | string, zone: string): string {
  return format(new TZDate(new Date(at).getTime(), zone), 'HH:mm');
}

export function dateTime(at: Date | string, zone: string): string {
  return format(new TZDate(new Date(at).getTime(), zone), 'yyyy-MM-dd HH:mm');
}

/** A countdown: `4:59`, `1:02:03`; always positive (the caller says whether it is left or overdue). */
export function countdown(deadline: Date, now: Date): string {
  const total = Math.abs(differenceInSeconds(deadline, now));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

export function pickLabel(labels: Labels, locale: Locale): string {
  return locale === 'zh-CN' ? labels.zh : labels.en;
}
