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

export { shortDateTime } from './short-date-time';
