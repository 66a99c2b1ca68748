export interface BackoffOptions {
  initialMs?: number;
  maxMs?: number;
  factor?: number;
}

/**
 * Delay before retry number `failures` (1-based): initial, initial·factor, … capped at max. No jitter: there is one
 * console per seat polling a handful of UPS units, so synchronised retries cannot swamp upsd.
 */
export function backoffDelay(
  failures: number,
  { initialMs = 1000, maxMs = 30_000, factor = 2 }: BackoffOptions = {},
): number {
  const exponent = Math.max(0, failures - 1);
  return Math.min(maxMs, initialMs * factor ** exponent);
}
