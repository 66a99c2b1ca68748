import type { LineState } from '@shared/monitors/line-status';
import {
  initialUpsState,
  upsStateFromReading,
  upsStateUnreachable,
  type UpsReading,
  type UpsState,
} from '@shared/monitors/ups-status';

export const T0 = Date.parse('2025-03-01T09:00:00.000Z');
export const iso = (ms: number) => new Date(ms).toISOString();
export const minutes = (n: number) => n * 60_000;

/** A UPS as the monitor would report it after reading these NUT variables (same shared rules). */
export function ups(
  name: string,
  reading: Partial<UpsReading> & { status: string },
  at = T0,
  previous?: UpsState,
) {
  return upsStateFromReading(
    previous ?? initialUpsState({ name, upsName: name, host: '10.0.0.5', port: 3493 }),
    { batteryCharge: 100, runtimeSeconds: 3600, load: 30, inputVoltage: 230, ...reading },
    iso(at),
  );
}

export function unreachable(previous: UpsState, at = T0): UpsState {
  return upsStateUnreachable(previous, 'ECONNREFUSED', iso(at));
}

export function line(name: string, health: LineState['health'], extra: Partial<LineState> = {}): LineState {
  return {
    name,
    probe: 'tcp',
    target: '10.0.0.9:443',
    role: null,
    health,
    since: health === 'unknown' ? null : iso(T0),
    pending: null,
    lastProbe: null,
    latency: { samples: 0, lastMs: null, avgMs: null, maxMs: null },
    ...extra,
  };
}
