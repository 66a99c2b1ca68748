import type { LatencySample } from '@shared/monitors/line-status';

/**
 * Latency samples of the last `windowMs`, never more than `maxSamples` (a line probed every second for an hour
 * would otherwise hold 3600 entries per line; the cap keeps memory flat whatever the policy says).
 */
export function createLatencyWindow({ windowMs = 3_600_000, maxSamples = 720 } = {}) {
  const samples: LatencySample[] = [];
  const prune = (nowMs: number) => {
    let drop = 0;
    while (drop < samples.length && (samples[drop]?.at ?? Infinity) < nowMs - windowMs) drop++;
    if (samples.length - drop > maxSamples) drop = samples.length - maxSamples;
    if (drop > 0) samples.splice(0, drop);
  };
  return {
    add(nowMs: number, ms: number): void {
      samples.push({ at: nowMs, ms });
      prune(nowMs);
    },
    values(nowMs: number): LatencySample[] {
      prune(nowMs);
      return samples.slice();
    },
  };
}
export type LatencyWindow = ReturnType<typeof createLatencyWindow>;
