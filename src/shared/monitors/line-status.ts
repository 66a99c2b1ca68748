import { z } from 'zod';
import { LINE_PROBES, LINE_ROLES } from './config';

/**
 * Line health and the anti-flapping rule, shared so the UI and the doctor speak the same words.
 * `degraded`: the peer answered but reports a failure (HTTP 5xx) — the line works, the service behind it does not.
 */
export const LINE_HEALTH = ['unknown', 'up', 'degraded', 'down'] as const;
export const LineHealth = z.enum(LINE_HEALTH);
export type LineHealth = z.infer<typeof LineHealth>;

/** What one probe found. `latencyMs` is null when nothing answered. */
export const ProbeResult = z.object({
  result: z.enum(['up', 'degraded', 'down']),
  latencyMs: z.number().nonnegative().nullable(),
  detail: z.string(),
});
export type ProbeResult = z.infer<typeof ProbeResult>;

/** Consecutive equal results needed before a line changes state (ADR 0004). */
export const DEFAULT_FLAP_THRESHOLD = 3;

export const LatencySummary = z.object({
  samples: z.number().int().nonnegative(),
  lastMs: z.number().nullable(),
  avgMs: z.number().nullable(),
  maxMs: z.number().nullable(),
});
export type LatencySummary = z.infer<typeof LatencySummary>;

/** One latency measurement; `at` is epoch milliseconds (the monitor keeps the last hour of them). */
export const LatencySample = z.object({ at: z.number(), ms: z.number().nonnegative() });
export type LatencySample = z.infer<typeof LatencySample>;

export const LineState = z.object({
  name: z.string(),
  probe: z.enum(LINE_PROBES),
  target: z.string(),
  role: z.enum(LINE_ROLES).nullable(),
  /** Committed health: changes only after `threshold` consecutive equal results. */
  health: LineHealth,
  since: z.iso.datetime().nullable(),
  /** The result currently accumulating towards a change, and how many times in a row it was seen. */
  pending: z.object({ result: LineHealth, count: z.number().int().positive() }).nullable(),
  lastProbe: ProbeResult.extend({ at: z.iso.datetime() }).nullable(),
  latency: LatencySummary,
});
export type LineState = z.infer<typeof LineState>;

export interface FlapGate {
  health: LineHealth;
  pending: { result: LineHealth; count: number } | null;
}

/**
 * Feeds one probe result into the gate. A result equal to the committed health clears any pending change; a
 * different one must repeat `threshold` times in a row (any interruption restarts the count) before it commits.
 * The first results after start are gated too, so a single lost packet at boot does not show a line as down.
 */
export function applyProbeResult(
  gate: FlapGate,
  result: ProbeResult['result'],
  threshold = DEFAULT_FLAP_THRESHOLD,
): FlapGate & { changed: boolean } {
  if (result === gate.health) return { health: gate.health, pending: null, changed: false };
  const count = gate.pending?.result === result ? gate.pending.count + 1 : 1;
  if (count >= Math.max(1, threshold)) return { health: result, pending: null, changed: true };
  return { health: gate.health, pending: { result, count }, changed: false };
}

export function summarizeLatency(samplesMs: readonly number[]): LatencySummary {
  if (samplesMs.length === 0) return { samples: 0, lastMs: null, avgMs: null, maxMs: null };
  let sum = 0;
  let max = 0;
  for (const ms of samplesMs) {
    sum += ms;
    if (ms > max) max = ms;
  }
  return {
    samples: samplesMs.length,
    lastMs: samplesMs[samplesMs.length - 1] ?? null,
    avgMs: Math.round((sum / samplesMs.length) * 10) / 10,
    maxMs: max,
  };
}
