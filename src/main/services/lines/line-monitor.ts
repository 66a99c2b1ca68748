import type { LineConfig } from '@shared/monitors/config';
import {
  applyProbeResult,
  DEFAULT_FLAP_THRESHOLD,
  summarizeLatency,
  type FlapGate,
  type LatencySample,
  type LineState,
  type ProbeResult,
} from '@shared/monitors/line-status';
import { createLatencyWindow, type LatencyWindow } from './latency-window';
import { DEFAULT_PROBE_TIMEOUT_MS, probeLine, type LineProbe } from './probes';

/** Probes every line of the site policy on its own interval; listeners hear only committed (debounced) changes. */
export interface LineMonitor {
  status(): LineState[];
  /** The last hour of latency samples for one line (bounded), oldest first. */
  latency(name: string): LatencySample[];
  onChange(listener: (state: LineState, all: LineState[]) => void): () => void;
  /** Probes every line once now; resolves with the states after those results. */
  probeNow(): Promise<LineState[]>;
  dispose(): Promise<void>;
}

export interface LineMonitorOptions {
  lines: readonly LineConfig[];
  /** Consecutive equal results before a line changes state. */
  threshold?: number;
  defaultIntervalSeconds?: number;
  defaultTimeoutMs?: number;
  latencyWindowMs?: number;
  maxLatencySamples?: number;
  now?: () => Date;
  probe?: LineProbe;
  autoStart?: boolean;
}

interface TrackedLine {
  config: LineConfig;
  gate: FlapGate;
  since: string | null;
  lastProbe: LineState['lastProbe'];
  window: LatencyWindow;
  timer: NodeJS.Timeout | null;
  inFlight: Promise<void> | null;
}

export function createLineMonitor(options: LineMonitorOptions): LineMonitor {
  const now = options.now ?? (() => new Date());
  const probe = options.probe ?? probeLine;
  const threshold = options.threshold ?? DEFAULT_FLAP_THRESHOLD;
  const listeners = new Set<(state: LineState, all: LineState[]) => void>();
  let disposed = false;

  const lines: TrackedLine[] = options.lines.map((config) => ({
    config,
    gate: { health: 'unknown', pending: null },
    since: null,
    lastProbe: null,
    window: createLatencyWindow({ windowMs: options.latencyWindowMs, maxSamples: options.maxLatencySamples }),
    timer: null,
    inFlight: null,
  }));

  function stateOf(line: TrackedLine): LineState {
    return {
      name: line.config.name,
      probe: line.config.probe,
      target: line.config.target,
      role: line.config.role ?? null,
      health: line.gate.health,
      since: line.since,
      pending: line.gate.pending,
      lastProbe: line.lastProbe,
      latency: summarizeLatency(line.window.values(now().getTime()).map((sample) => sample.ms)),
    };
  }
  const all = () => lines.map(stateOf);

  async function probeOnce(line: TrackedLine): Promise<void> {
    const timeoutMs = line.config.timeoutMs ?? options.defaultTimeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
    // An injected probe that throws is a failed probe, not a reason to stop watching the line.
    const result = await probe(line.config, timeoutMs).catch((error: unknown): ProbeResult => ({
      result: 'down',
      latencyMs: null,
      detail: String(error),
    }));
    const at = now();
    line.lastProbe = { ...result, at: at.toISOString() };
    if (result.latencyMs !== null) line.window.add(at.getTime(), result.latencyMs);
    const next = applyProbeResult(line.gate, result.result, threshold);
    line.gate = { health: next.health, pending: next.pending };
    if (!next.changed || disposed) return;
    line.since = at.toISOString();
    const state = stateOf(line);
    const snapshot = all();
    for (const listener of listeners) listener(state, snapshot);
  }

  function schedule(line: TrackedLine): void {
    if (disposed) return;
    const seconds = line.config.intervalSeconds ?? options.defaultIntervalSeconds ?? 15;
    line.timer = setTimeout(() => void run(line), seconds * 1000);
    line.timer.unref?.();
  }

  function run(line: TrackedLine): Promise<void> {
    if (line.inFlight) return line.inFlight;
    if (line.timer) clearTimeout(line.timer);
    line.timer = null;
    line.inFlight = probeOnce(line).finally(() => {
      line.inFlight = null;
      schedule(line);
    });
    return line.inFlight;
  }

  if (options.autoStart ?? true) for (const line of lines) void run(line);

  return {
    status: all,
    latency(name) {
      const line = lines.find((candidate) => candidate.config.name === name);
      return line ? line.window.values(now().getTime()) : [];
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async probeNow() {
      await Promise.all(
        lines.map(async (line) => {
          if (line.inFlight) await line.inFlight;
          await run(line);
        }),
      );
      return all();
    },
    async dispose() {
      disposed = true;
      listeners.clear();
      for (const line of lines) if (line.timer) clearTimeout(line.timer);
      await Promise.all(lines.map((line) => line.inFlight));
    },
  };
}
