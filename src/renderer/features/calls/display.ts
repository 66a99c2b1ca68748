import { formatPhone } from '@shared/calls/phone';

/** Numbers formatted so far (a full parse each): the list shows the same ones again on every scroll and change. */
const phones = new Map<string, string>();
const MAX_REMEMBERED = 20_000;

/** `formatPhone`, remembered. */
export function displayPhone(stored: string): string {
  let shown = phones.get(stored);
  if (shown === undefined) {
    if (phones.size >= MAX_REMEMBERED) phones.clear();
    shown = formatPhone(stored);
    phones.set(stored, shown);
  }
  return shown;
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * "MM-dd HH:mm" in local time — what date-fns `format(date, 'MM-dd HH:mm')` prints, without parsing the pattern for
 * every visible row of the list and the callback queue.
 */
export function shortDateTime(iso: string): string {
  const at = new Date(iso);
  return `${two(at.getMonth() + 1)}-${two(at.getDate())} ${two(at.getHours())}:${two(at.getMinutes())}`;
}
