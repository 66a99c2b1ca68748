import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '@shared/ipc/dispatcher';
import type { EventName } from '@shared/ipc/contract';
import { createHandlers, forwardEvents } from '../../../src/main/services/handlers';
import { createHarnessServices } from '../../../src/harness/services';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function harness() {
  const dir = mkdtempSync(join(tmpdir(), 'fg-power-'));
  const created = await createHarnessServices(dir);
  cleanups.push(() => {
    created.dispose();
    rmSync(dir, { recursive: true, force: true });
  });
  const events: { event: EventName; payload: unknown }[] = [];
  cleanups.push(forwardEvents(created.services, (event, payload) => events.push({ event, payload })));
  return { ...created, dispatch: createDispatcher(createHandlers(created.services)), events };
}

describe('monitor channels (harness binding)', () => {
  it('serves an injected UPS on battery with the generator alert, and announces it', async () => {
    const { control, dispatch, events } = await harness();
    control('ups', { name: '机房 UPS', status: 'OB DISCHRG', batteryCharge: 55, runtimeSeconds: 1800 });
    const result = await dispatch('power:status', {});
    expect(result).toMatchObject({
      ok: true,
      value: {
        ups: [{ name: '机房 UPS', onBattery: true, minutesLeft: 30 }],
        seat: { onBattery: false },
      },
    });
    const codes = result.ok ? (result.value as { ups: { alerts: { code: string }[] }[] }).ups[0]?.alerts : [];
    expect(codes?.map((a) => a.code)).toContain('start-generator');
    expect(events.map((e) => e.event)).toEqual(['power:changed']);
  });

  it('serves lines, their latency, and the seat’s own power', async () => {
    const { control, dispatch, events } = await harness();
    control('line', { name: 'CRM', role: 'crm', health: 'up', latencyMs: 12 });
    control('line', { name: 'CRM', health: 'down' });
    await expect(dispatch('lines:status', {})).resolves.toMatchObject({
      ok: true,
      value: { lines: [{ name: 'CRM', role: 'crm', health: 'down', latency: { lastMs: 12 } }] },
    });
    await expect(dispatch('lines:latency', { name: 'CRM' })).resolves.toMatchObject({
      ok: true,
      value: { samples: [{ ms: 12 }] },
    });
    control('seat-power', { onBattery: true });
    await expect(dispatch('power:status', {})).resolves.toMatchObject({
      ok: true,
      value: { seat: { onBattery: true } },
    });
    expect(events.map((e) => e.event)).toEqual(['lines:changed', 'lines:changed', 'power:changed']);
  });

  it('refuses a malformed injection', async () => {
    const { control } = await harness();
    expect(() => control('line', { name: 'CRM', health: 'sideways' })).toThrow();
  });
});
