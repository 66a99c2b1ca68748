import type { UpsState } from '@shared/monitors/ups-status';

/** One charge reading: epoch seconds (uPlot's unit) and percent. */
export interface ChargePoint {
  at: number;
  charge: number;
}

export type ChargeHistory = Record<string, ChargePoint[]>;

export const HISTORY_WINDOW_SECONDS = 3600;

/**
 * Main keeps no UPS history and reports a UPS only when it changes, so the renderer (which runs for the whole
 * shift: the window hides to the tray) records each reported charge and charts the last hour as steps.
 */
export function recordCharges(
  history: ChargeHistory,
  ups: readonly UpsState[],
  nowMs: number,
): ChargeHistory {
  const now = nowMs / 1000;
  const next: ChargeHistory = {};
  for (const unit of ups) {
    const points = (history[unit.name] ?? []).filter((point) => point.at >= now - HISTORY_WINDOW_SECONDS);
    const last = points.at(-1);
    if (unit.batteryCharge !== null && !unit.stale && last?.charge !== unit.batteryCharge) {
      points.push({ at: now, charge: unit.batteryCharge });
    }
    next[unit.name] = points;
  }
  return next;
}
