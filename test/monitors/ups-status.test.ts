import { describe, expect, it } from 'vitest';
import {
  initialUpsState,
  parseUpsFlags,
  readingFromVars,
  upsAlerts,
  upsStateChanged,
  upsStateFromReading,
  upsStateUnreachable,
  UpsState,
  type UpsReading,
} from '@shared/monitors/ups-status';

const base = initialUpsState({ name: 'Hall', upsName: 'hall', host: '127.0.0.1', port: 3493 });
const reading = (status: string, charge: number | null = 100, runtime: number | null = 3000): UpsReading => ({
  status,
  batteryCharge: charge,
  runtimeSeconds: runtime,
  load: 20,
  inputVoltage: 230,
});
const t = (minute: number) => `2025-03-01T08:${String(minute).padStart(2, '0')}:00.000Z`;

describe('UPS state derivation (DOMAIN §7)', () => {
  it('parses flags, including several and unknown ones', () => {
    expect(parseUpsFlags('OB DISCHRG LB')).toEqual(['OB', 'DISCHRG', 'LB']);
    expect(parseUpsFlags(' ol  chrg ')).toEqual(['OL', 'CHRG']);
    expect(parseUpsFlags('OL ECO')).toEqual(['OL', 'ECO']);
    expect(parseUpsFlags(null)).toEqual([]);
  });

  it('reads the console variables from LIST VAR, tolerating garbage', () => {
    const vars = new Map([
      ['ups.status', 'OB'],
      ['battery.charge', '55.5'],
      ['battery.runtime', 'n/a'],
      ['ups.load', ''],
    ]);
    expect(readingFromVars(vars)).toEqual({
      status: 'OB',
      batteryCharge: 55.5,
      runtimeSeconds: null,
      load: null,
      inputVoltage: null,
    });
  });

  it('calls for the generator only when discharged by more than 40 % with mains off', () => {
    const onBattery = (charge: number | null) =>
      upsAlerts({ flags: ['OB'], onBattery: true, batteryCharge: charge });
    expect(onBattery(61).map((a) => a.code)).toEqual(['on-battery']);
    expect(onBattery(60).map((a) => a.code)).toEqual(['on-battery']);
    expect(onBattery(59.9).map((a) => a.code)).toEqual(['on-battery', 'start-generator']);
    expect(onBattery(null).map((a) => a.code)).toEqual(['on-battery']);
    // Mains back but battery low after the outage: recharging, no generator.
    expect(upsAlerts({ flags: ['OL', 'CHRG'], onBattery: false, batteryCharge: 20 })).toEqual([]);
    // A site may set its own threshold.
    expect(upsAlerts({ flags: ['OB'], onBattery: true, batteryCharge: 65 }, 70).map((a) => a.code)).toContain(
      'start-generator',
    );
  });

  it('raises LB as critical, and OVER and RB as warnings', () => {
    expect(upsAlerts({ flags: ['OL', 'LB', 'OVER', 'RB'], onBattery: false, batteryCharge: 90 })).toEqual([
      { code: 'low-battery', severity: 'critical' },
      { code: 'overload', severity: 'warning' },
      { code: 'replace-battery', severity: 'warning' },
    ]);
  });

  it('keeps onBatterySince across polls and clears it when mains returns', () => {
    const a = upsStateFromReading(base, reading('OB DISCHRG', 80, 1830), t(0));
    expect(a).toMatchObject({ onBattery: true, onBatterySince: t(0), minutesLeft: 30, stale: false });
    const b = upsStateFromReading(a, reading('OB DISCHRG', 50), t(7));
    expect(b.onBatterySince).toBe(t(0));
    const c = upsStateFromReading(b, reading('OL CHRG', 51), t(9));
    expect(c).toMatchObject({ onBattery: false, onBatterySince: null, alerts: [] });
    // "OL OB" while the UPS switches: mains present wins.
    expect(upsStateFromReading(c, reading('OL OB'), t(10)).onBattery).toBe(false);
    expect(UpsState.parse(c)).toEqual(c);
  });

  it('unreachable and WAIT keep the last readings, alerts and outage clock, marked stale', () => {
    const onBattery = upsStateFromReading(base, reading('OB', 50), t(0));
    const lost = upsStateUnreachable(onBattery, 'ECONNREFUSED', t(1));
    expect(lost).toMatchObject({
      reachability: 'unreachable',
      stale: true,
      onBatterySince: t(0),
      error: 'ECONNREFUSED',
    });
    expect(lost.alerts.map((a) => a.code)).toEqual(['unreachable', 'on-battery', 'start-generator']);
    const waiting = upsStateFromReading(lost, reading('WAIT', null, null), t(2));
    expect(waiting).toMatchObject({
      reachability: 'reachable',
      stale: true,
      status: 'OB',
      onBatterySince: t(0),
    });
    expect(waiting.alerts.map((a) => a.code)).toEqual(['on-battery', 'start-generator']);
    const fresh = upsStateFromReading(waiting, reading('OB', 45), t(3));
    expect(fresh).toMatchObject({ stale: false, onBatterySince: t(0), batteryCharge: 45 });
  });

  it('sees a change in anything but the poll time', () => {
    const a = upsStateFromReading(base, reading('OL'), t(0));
    expect(upsStateChanged(a, upsStateFromReading(a, reading('OL'), t(1)))).toBe(false);
    expect(upsStateChanged(a, upsStateFromReading(a, reading('OL', 99), t(1)))).toBe(true);
  });
});
