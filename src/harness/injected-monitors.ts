import { z } from 'zod';
import { LINE_ROLES } from '@shared/monitors/config';
import {
  LineHealth,
  summarizeLatency,
  type LatencySample,
  type LineState,
} from '@shared/monitors/line-status';
import {
  initialUpsState,
  upsStateFromReading,
  upsStateUnreachable,
  type UpsState,
} from '@shared/monitors/ups-status';
import type { LineMonitor } from '../main/services/lines';
import type { PowerMonitor } from '../main/services/power';

/**
 * Simulated UPS and line states for the harness's e2e hooks. The real monitors are tested against real upsd and
 * SIP/HTTP peers (test/monitors); e2e tests are about the console reacting, so they inject states here. The states
 * go through the same shared rules (`upsStateFromReading`: generator and low-battery alerts, outage clock).
 */

/** POST /__harness/ups: a NUT reading for a UPS (by name), or `unreachable` with the error upsd would give. */
export const InjectUps = z.union([
  z.object({
    name: z.string().min(1),
    status: z.string().min(1),
    batteryCharge: z.number().nullable().default(null),
    runtimeSeconds: z.number().nullable().default(null),
    load: z.number().nullable().default(null),
    inputVoltage: z.number().nullable().default(null),
  }),
  z.object({ name: z.string().min(1), unreachable: z.string().min(1) }),
]);

/** POST /__harness/line: a committed line health (by name), optionally with a latency sample. */
export const InjectLine = z.object({
  name: z.string().min(1),
  role: z.enum(LINE_ROLES).nullable().default(null),
  health: LineHealth,
  since: z.iso.datetime().optional(),
  latencyMs: z.number().nonnegative().optional(),
});

/** Injected states replace (or join) the real monitor's by name, and are announced like a real change. */
function overlay<S extends { name: string }>(real: () => S[]) {
  const injected = new Map<string, S>();
  const listeners = new Set<(state: S, all: S[]) => void>();
  const status = () => {
    const merged = real().map((state) => injected.get(state.name) ?? state);
    const extra = [...injected.values()].filter((state) => !merged.some((m) => m.name === state.name));
    return [...merged, ...extra];
  };
  const onChange = (listener: (state: S, all: S[]) => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  const emit = (state: S) => {
    const all = status();
    for (const listener of listeners) listener(state, all);
  };
  const set = (state: S) => {
    injected.set(state.name, state);
    emit(state);
    return state;
  };
  const forwardReal = (state: S) => {
    if (!injected.has(state.name)) emit(state);
  };
  return { status, onChange, set, forwardReal };
}

export function withInjectedUps(real: PowerMonitor) {
  const layer = overlay<UpsState>(() => real.status());
  real.onChange(layer.forwardReal);
  const monitor: PowerMonitor = {
    status: layer.status,
    onChange: layer.onChange,
    pollNow: async () => (await real.pollNow(), layer.status()),
    dispose: () => real.dispose(),
  };
  return {
    monitor,
    inject(body: z.output<typeof InjectUps>) {
      const nowIso = new Date().toISOString();
      const previous =
        layer.status().find((state) => state.name === body.name) ??
        initialUpsState({ name: body.name, upsName: body.name, host: '127.0.0.1', port: 3493 });
      if ('unreachable' in body) return layer.set(upsStateUnreachable(previous, body.unreachable, nowIso));
      return layer.set(upsStateFromReading(previous, body, nowIso));
    },
  };
}

export function withInjectedLines(real: LineMonitor) {
  const layer = overlay<LineState>(() => real.status());
  const latency = new Map<string, LatencySample[]>();
  real.onChange(layer.forwardReal);
  const monitor: LineMonitor = {
    status: layer.status,
    latency: (name) => latency.get(name) ?? real.latency(name),
    onChange: layer.onChange,
    probeNow: async () => (await real.probeNow(), layer.status()),
    dispose: () => real.dispose(),
  };
  return {
    monitor,
    inject(body: z.output<typeof InjectLine>) {
      const now = new Date();
      const previous = layer.status().find((state) => state.name === body.name);
      const samples = latency.get(body.name) ?? [];
      if (body.latencyMs !== undefined) samples.push({ at: now.getTime(), ms: body.latencyMs });
      latency.set(body.name, samples);
      const changed = previous?.health !== body.health;
      return layer.set({
        name: body.name,
        probe: previous?.probe ?? 'tcp',
        target: previous?.target ?? '127.0.0.1:9',
        role: body.role ?? previous?.role ?? null,
        health: body.health,
        since: body.since ?? (changed ? now.toISOString() : (previous?.since ?? null)),
        pending: null,
        lastProbe: null,
        latency: summarizeLatency(samples.map((sample) => sample.ms)),
      });
    },
  };
}
