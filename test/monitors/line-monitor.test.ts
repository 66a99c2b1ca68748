import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { LineConfig } from '@shared/monitors/config';
import { applyProbeResult, LineState, type FlapGate, type ProbeResult } from '@shared/monitors/line-status';
import { createLatencyWindow } from '../../src/main/services/lines/latency-window';
import { createLineMonitor, type LineMonitor } from '../../src/main/services/lines/line-monitor';
import { probeLine } from '../../src/main/services/lines/probes';
import { waitFor } from './helpers/peers';

describe('anti-flapping gate', () => {
  const feed = (results: ProbeResult['result'][], threshold = 3) => {
    let gate: FlapGate = { health: 'unknown', pending: null };
    const history: string[] = [];
    for (const result of results) {
      gate = applyProbeResult(gate, result, threshold);
      history.push(gate.health);
    }
    return history;
  };

  it('commits a state only after N consecutive equal results, the first one included', () => {
    expect(feed(['up', 'up', 'up', 'up'])).toEqual(['unknown', 'unknown', 'up', 'up']);
    expect(feed(['up', 'up', 'up', 'down', 'down', 'down'])).toEqual([
      'unknown',
      'unknown',
      'up',
      'up',
      'up',
      'down',
    ]);
  });

  it('an interruption restarts the count, so a flapping line keeps its state', () => {
    const flapping = feed(['up', 'up', 'up', 'down', 'up', 'down', 'down', 'up', 'down', 'down']);
    expect(flapping.slice(3)).toEqual(['up', 'up', 'up', 'up', 'up', 'up', 'up']);
    // Alternating down/degraded is not three of either.
    expect(feed(['up', 'up', 'up', 'down', 'degraded', 'down', 'degraded']).at(-1)).toBe('up');
  });

  it('threshold 1 follows every result', () => {
    expect(feed(['up', 'down', 'degraded'], 1)).toEqual(['up', 'down', 'degraded']);
  });
});

describe('latency window', () => {
  it('keeps the last hour, oldest first, and never more than the cap', () => {
    const window = createLatencyWindow({ windowMs: 3_600_000, maxSamples: 5 });
    const hour = 3_600_000;
    window.add(0, 10);
    window.add(1000, 11);
    expect(window.values(1000).map((s) => s.ms)).toEqual([10, 11]);
    expect(window.values(hour + 500).map((s) => s.ms)).toEqual([11]);
    for (let i = 0; i < 20; i++) window.add(hour + 1000 + i, i);
    expect(window.values(hour + 2000).map((s) => s.ms)).toEqual([15, 16, 17, 18, 19]);
  });
});

describe('line monitor (injected probe, injected clock)', () => {
  let monitor: LineMonitor | null = null;
  afterEach(async () => {
    await monitor?.dispose();
    monitor = null;
  });

  it('emits only committed changes and keeps latency samples', async () => {
    const script: ProbeResult['result'][] = ['up', 'up', 'up', 'down', 'up', 'down', 'down', 'down'];
    let clock = Date.parse('2025-03-01T08:00:00.000Z');
    monitor = createLineMonitor({
      lines: [{ name: 'PBX', probe: 'sip-options', target: '10.0.0.5:5060', role: 'primary' }],
      probe: async () => {
        const result = script.shift() ?? 'down';
        return { result, latencyMs: result === 'down' ? null : 12, detail: result };
      },
      now: () => new Date(clock),
      autoStart: false,
    });
    const changes: LineState[] = [];
    monitor.onChange((state) => changes.push(state));
    for (let i = 0; i < 8; i++) {
      clock += 15_000;
      await monitor.probeNow();
    }
    expect(changes.map((c) => c.health)).toEqual(['up', 'down']);
    expect(changes[0]?.since).toBe('2025-03-01T08:00:45.000Z');
    expect(changes[1]?.since).toBe('2025-03-01T08:02:00.000Z');
    const [state] = monitor.status();
    expect(LineState.parse(state)).toEqual(state);
    expect(state).toMatchObject({ role: 'primary', health: 'down', pending: null });
    expect(state?.latency).toMatchObject({ samples: 4, lastMs: 12, avgMs: 12, maxMs: 12 });
    expect(monitor.latency('PBX')).toHaveLength(4);
  });

  it('a probe that throws counts as down instead of stopping the line', async () => {
    monitor = createLineMonitor({
      lines: [{ name: 'CRM', probe: 'http', target: 'http://crm.invalid/' }],
      probe: async () => {
        throw new Error('boom');
      },
      threshold: 1,
      autoStart: false,
    });
    const [state] = await monitor.probeNow();
    expect(state).toMatchObject({ health: 'down', lastProbe: { result: 'down', detail: 'Error: boom' } });
  });
});

describe('line monitor against a real TCP peer that goes away and comes back', () => {
  let server: Server | null = null;
  const sockets = new Set<Socket>();
  let monitor: LineMonitor | null = null;

  const listen = (port = 0) =>
    new Promise<number>((resolve) => {
      server = createServer((socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      server.listen(port, '127.0.0.1', () => {
        const address = server?.address();
        resolve(typeof address === 'object' && address ? address.port : 0);
      });
    });
  const shut = async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    server = null;
  };

  afterEach(async () => {
    await monitor?.dispose();
    await shut();
  });

  it('goes up, then down only after three failed probes, then up again', async () => {
    const port = await listen();
    const config: LineConfig = {
      name: 'ACD',
      probe: 'tcp',
      target: `127.0.0.1:${port}`,
      intervalSeconds: 0.05,
    };
    const probes: ProbeResult['result'][] = [];
    monitor = createLineMonitor({
      lines: [config],
      probe: async (line, timeoutMs) => {
        const result = await probeLine(line, timeoutMs);
        probes.push(result.result);
        return result;
      },
      defaultTimeoutMs: 500,
    });
    const changes: string[] = [];
    const probesAtChange: number[] = [];
    monitor.onChange((state) => {
      changes.push(state.health);
      probesAtChange.push(probes.length);
    });

    await waitFor('up', () => (changes.includes('up') ? true : undefined));
    await shut();
    await waitFor('down', () => (changes.includes('down') ? true : undefined));
    const firstDown = probes.indexOf('down');
    // Committed on the third consecutive failure, not before.
    expect(probes.slice(firstDown, probesAtChange[1])).toEqual(['down', 'down', 'down']);
    await listen(port);
    await waitFor('up again', () => (changes.length === 3 ? true : undefined));
    expect(changes).toEqual(['up', 'down', 'up']);
  });
});
