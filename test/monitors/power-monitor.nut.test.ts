import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UpsState } from '@shared/monitors/ups-status';
import { connectNut } from '../../src/main/services/power/nut-client';
import { NutError } from '../../src/main/services/power/nut-protocol';
import { createPowerMonitor, type PowerMonitor } from '../../src/main/services/power/power-monitor';
import { ADMIN, nutInstalled, NUT_SKIP_MESSAGE, startNut, type NutServer } from './helpers/nut-server';
import { waitFor } from './helpers/peers';

if (!nutInstalled) console.log(NUT_SKIP_MESSAGE);

const MAINS = {
  'ups.status': 'OL',
  'battery.charge': '100',
  'battery.runtime': '5400',
  'ups.load': '23',
  'input.voltage': '229.5',
};

describe.skipIf(!nutInstalled)('NUT client and power monitor against a real upsd + dummy-ups', () => {
  let nut: NutServer;
  let monitor: PowerMonitor;
  const seen: UpsState[] = [];
  let fakeNow = new Date('2025-03-01T08:00:00.000Z');

  /** Waits until the monitor has emitted a state that satisfies `match`. */
  const emitted = (what: string, match: (state: UpsState) => boolean) =>
    waitFor(what, () => seen.find(match), { timeoutMs: 15_000 });

  beforeAll(async () => {
    nut = await startNut(MAINS);
    monitor = createPowerMonitor({
      ups: [
        { name: 'Hall UPS', host: '127.0.0.1', port: nut.port, upsName: nut.upsName, ...ADMIN },
        { name: 'Ghost UPS', host: '127.0.0.1', port: nut.port, upsName: 'no-such-ups' },
      ],
      pollIntervalMs: 200,
      timeoutMs: 1500,
      backoff: { initialMs: 100, maxMs: 400 },
      now: () => fakeNow,
    });
    monitor.onChange((state) => {
      if (state.name === 'Hall UPS') seen.push(state);
    });
  });

  afterAll(async () => {
    await monitor?.dispose();
    await nut?.stop();
  });

  it('speaks the protocol: LIST VAR, GET VAR, USERNAME/PASSWORD, ERR replies, LOGOUT', async () => {
    const connection = await connectNut({ host: '127.0.0.1', port: nut.port, timeoutMs: 2000 });
    try {
      await connection.login(ADMIN.username, ADMIN.password);
      const vars = await connection.listVar(nut.upsName);
      expect(vars.get('ups.status')).toBe('OL');
      expect(vars.get('device.mfr')).toBe('Dummy Manufacturer'); // a quoted value with a space
      expect(await connection.getVar(nut.upsName, 'battery.charge')).toBe('100');
      await expect(connection.getVar(nut.upsName, 'no.such.var')).rejects.toMatchObject({
        code: 'VAR-NOT-SUPPORTED',
      });
      await expect(connection.listVar('no-such-ups')).rejects.toBeInstanceOf(NutError);
      // The connection survives ERR replies.
      expect(await connection.getVar(nut.upsName, 'ups.load')).toBe('23');
    } finally {
      await connection.logout();
    }
    expect(connection.closed).toBe(true);
  });

  it('reports mains power with readings and no alerts', async () => {
    const state = await emitted('OL state', (s) => s.reachability === 'reachable');
    expect(state).toMatchObject({
      status: 'OL',
      flags: ['OL'],
      onBattery: false,
      onBatterySince: null,
      batteryCharge: 100,
      runtimeSeconds: 5400,
      minutesLeft: 90,
      load: 23,
      inputVoltage: 229.5,
      alerts: [],
      error: null,
    });
    const ghost = monitor.status().find((s) => s.name === 'Ghost UPS');
    expect(ghost).toMatchObject({ reachability: 'unreachable', error: 'UNKNOWN-UPS' });
  });

  it('mains off, 55 % charge: on battery since the first OB poll, and the generator alert', async () => {
    fakeNow = new Date('2025-03-01T08:10:00.000Z');
    await nut.setVars({
      ...MAINS,
      'ups.status': 'OB DISCHRG',
      'battery.charge': '55',
      'battery.runtime': '1500',
      'input.voltage': '0',
    });
    const state = await emitted('OB state', (s) => s.onBattery);
    expect(state).toMatchObject({
      flags: ['OB', 'DISCHRG'],
      onBatterySince: '2025-03-01T08:10:00.000Z',
      batteryCharge: 55,
      minutesLeft: 25,
      lowBattery: false,
    });
    expect(state.alerts).toEqual([
      { code: 'on-battery', severity: 'warning' },
      { code: 'start-generator', severity: 'critical' },
    ]);
  });

  it('low battery: a critical alert, and onBatterySince keeps the start of the outage', async () => {
    fakeNow = new Date('2025-03-01T08:40:00.000Z');
    await nut.setVars({
      ...MAINS,
      'ups.status': 'OB DISCHRG LB',
      'battery.charge': '18',
      'battery.runtime': '240',
      'input.voltage': '0',
    });
    const state = await emitted('LB state', (s) => s.lowBattery);
    expect(state.onBatterySince).toBe('2025-03-01T08:10:00.000Z');
    expect(state.minutesLeft).toBe(4);
    expect(state.alerts.map((a) => a.code)).toEqual(['low-battery', 'on-battery', 'start-generator']);
    expect(state.alerts.find((a) => a.code === 'low-battery')?.severity).toBe('critical');
  });

  it('upsd stopped: unreachable, last readings kept; upsd back: reconnects with backoff', async () => {
    await nut.stopUpsd();
    const down = await emitted('unreachable state', (s) => s.reachability === 'unreachable');
    // Last known alerts stand (marked stale) behind the unreachable one.
    expect(down.alerts.map((a) => a.code)).toEqual([
      'unreachable',
      'low-battery',
      'on-battery',
      'start-generator',
    ]);
    expect(down.error).toMatch(/ECONNREFUSED|closed/);
    expect(down).toMatchObject({
      status: 'OB DISCHRG LB',
      stale: true,
      onBatterySince: '2025-03-01T08:10:00.000Z',
    });

    seen.length = 0;
    await nut.startUpsd();
    // Right after a restart upsd may answer WAIT; the monitor keeps the last readings (stale) until data flows.
    const back = await emitted('fresh data again', (s) => s.reachability === 'reachable' && !s.stale);
    expect(back.status).toBe('OB DISCHRG LB');
    expect(back.lowBattery).toBe(true);
    expect(back.error).toBeNull();
    // The outage clock survived upsd's restart.
    expect(back.onBatterySince).toBe('2025-03-01T08:10:00.000Z');
    for (const state of seen) expect(state.onBattery).toBe(true);
  });

  it('mains back: on battery clears, no alerts', async () => {
    seen.length = 0;
    await nut.setVars({ ...MAINS, 'ups.status': 'OL CHRG', 'battery.charge': '20' });
    const state = await emitted('OL CHRG', (s) => s.status === 'OL CHRG');
    expect(state).toMatchObject({ onBattery: false, onBatterySince: null, alerts: [] });
    expect((await monitor.pollNow()).find((s) => s.name === 'Hall UPS')?.batteryCharge).toBe(20);
  });
});
