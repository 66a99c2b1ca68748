const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * "MM-dd HH:mm" in local time — what date-fns `format(date, 'MM-dd HH:mm')` prints, without parsing the pattern for
 * every visible row of the list and the callback queue. No imports: the boot code draws rows with it too.
 */
export function shortDateTime(iso: string): string {
  const at = new Date(iso);
  return `${two(at.getMonth() + 1)}-${two(at.getDate())} ${two(at.getHours())}:${two(at.getMinutes())}`;
}
