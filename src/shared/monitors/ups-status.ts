import { z } from 'zod';

/**
 * UPS state as the console sees it, plus the pure rules that derive it from the NUT variables.
 * Shared so the renderer can show the same thresholds the main process alerts on.
 */

/** `ups.status` flags defined by NUT (docs/developer-guide "status data"); unknown flags are kept verbatim. */
export const UPS_STATUS_FLAGS = [
  'OL',
  'OB',
  'LB',
  'HB',
  'RB',
  'CHRG',
  'DISCHRG',
  'BYPASS',
  'CAL',
  'OFF',
  'OVER',
  'TRIM',
  'BOOST',
  'FSD',
  'ALARM',
  'TEST',
  'WAIT',
] as const;
export type UpsStatusFlag = (typeof UPS_STATUS_FLAGS)[number];

/** DOMAIN §7: battery discharged by more than 40 % with mains still off → start the generator. */
export const GENERATOR_CHARGE_PERCENT = 60;

export const UPS_ALERT_CODES = [
  'unreachable',
  'on-battery',
  'start-generator',
  'low-battery',
  'overload',
  'replace-battery',
] as const;
export const UpsAlert = z.object({
  code: z.enum(UPS_ALERT_CODES),
  severity: z.enum(['warning', 'critical']),
});
export type UpsAlert = z.infer<typeof UpsAlert>;

export const UpsState = z.object({
  name: z.string(),
  upsName: z.string(),
  host: z.string(),
  port: z.number().int(),
  /** `unknown` until the first poll answers or fails. */
  reachability: z.enum(['unknown', 'reachable', 'unreachable']),
  /**
   * True when the readings below are last known rather than fresh: upsd unreachable, or reachable but still
   * waiting for its driver (`ups.status` WAIT, e.g. right after upsd or the driver restarted).
   */
  stale: z.boolean(),
  /** Raw `ups.status` of the last poll that had data. */
  status: z.string().nullable(),
  flags: z.array(z.string()),
  onBattery: z.boolean(),
  onBatterySince: z.iso.datetime().nullable(),
  lowBattery: z.boolean(),
  batteryCharge: z.number().nullable(),
  runtimeSeconds: z.number().nullable(),
  minutesLeft: z.number().nullable(),
  load: z.number().nullable(),
  inputVoltage: z.number().nullable(),
  alerts: z.array(UpsAlert),
  /** Why the last poll failed (transport error or NUT `ERR` code); null after a good poll. */
  error: z.string().nullable(),
  checkedAt: z.iso.datetime().nullable(),
  lastSeenAt: z.iso.datetime().nullable(),
});
export type UpsState = z.infer<typeof UpsState>;

export interface UpsIdentity {
  name: string;
  upsName: string;
  host: string;
  port: number;
}

/** The NUT variables the console uses, already typed. */
export interface UpsReading {
  status: string | null;
  batteryCharge: number | null;
  runtimeSeconds: number | null;
  load: number | null;
  inputVoltage: number | null;
}

/** OB means on battery; some drivers briefly report "OL OB" while switching, and mains present wins. */
export function isOnBattery(flags: readonly string[]): boolean {
  return flags.includes('OB') && !flags.includes('OL');
}

export function parseUpsFlags(status: string | null): string[] {
  if (status === null) return [];
  return status
    .trim()
    .split(/\s+/)
    .filter((flag) => flag.length > 0)
    .map((flag) => flag.toUpperCase());
}

function toNumber(value: string | undefined): number | null {
  if (value === undefined || value.trim() === '') return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : null;
}

/** Picks the console's variables out of a `LIST VAR` result; missing or garbled values become null. */
export function readingFromVars(vars: ReadonlyMap<string, string>): UpsReading {
  return {
    status: vars.get('ups.status') ?? null,
    batteryCharge: toNumber(vars.get('battery.charge')),
    runtimeSeconds: toNumber(vars.get('battery.runtime')),
    load: toNumber(vars.get('ups.load')),
    inputVoltage: toNumber(vars.get('input.voltage')),
  };
}

export function initialUpsState(ups: UpsIdentity): UpsState {
  return {
    ...ups,
    reachability: 'unknown',
    stale: false,
    status: null,
    flags: [],
    onBattery: false,
    onBatterySince: null,
    lowBattery: false,
    batteryCharge: null,
    runtimeSeconds: null,
    minutesLeft: null,
    load: null,
    inputVoltage: null,
    alerts: [],
    error: null,
    checkedAt: null,
    lastSeenAt: null,
  };
}

export function upsAlerts(
  reading: Pick<UpsState, 'flags' | 'onBattery' | 'batteryCharge'>,
  generatorChargePercent = GENERATOR_CHARGE_PERCENT,
): UpsAlert[] {
  const alerts: UpsAlert[] = [];
  if (reading.flags.includes('LB')) alerts.push({ code: 'low-battery', severity: 'critical' });
  if (reading.onBattery) {
    alerts.push({ code: 'on-battery', severity: 'warning' });
    // Strictly below: exactly 40 % discharged is not "more than 40 %".
    if (reading.batteryCharge !== null && reading.batteryCharge < generatorChargePercent) {
      alerts.push({ code: 'start-generator', severity: 'critical' });
    }
  }
  if (reading.flags.includes('OVER')) alerts.push({ code: 'overload', severity: 'warning' });
  if (reading.flags.includes('RB')) alerts.push({ code: 'replace-battery', severity: 'warning' });
  return alerts;
}

/** upsd answers but has nothing from the driver yet: no status at all, or only WAIT. */
export function isAwaitingData(reading: UpsReading): boolean {
  const flags = parseUpsFlags(reading.status);
  return flags.length === 0 || flags.every((flag) => flag === 'WAIT');
}

/**
 * State after a successful poll. `onBatterySince` survives polls so the floor sees how long mains has been off.
 * A WAIT poll changes nothing but the freshness: treating it as "not on battery" would drop the alerts and restart
 * the outage clock every time upsd or its driver restarts during a power cut.
 */
export function upsStateFromReading(
  previous: UpsState,
  reading: UpsReading,
  nowIso: string,
  generatorChargePercent = GENERATOR_CHARGE_PERCENT,
): UpsState {
  if (isAwaitingData(reading)) {
    return {
      ...previous,
      reachability: 'reachable',
      stale: true,
      alerts: previous.alerts.filter((alert) => alert.code !== 'unreachable'),
      error: null,
      checkedAt: nowIso,
    };
  }
  const flags = parseUpsFlags(reading.status);
  const onBattery = isOnBattery(flags);
  const onBatterySince = onBattery ? ((previous.onBattery ? previous.onBatterySince : null) ?? nowIso) : null;
  const minutesLeft = reading.runtimeSeconds === null ? null : Math.floor(reading.runtimeSeconds / 60);
  return {
    ...previous,
    reachability: 'reachable',
    stale: false,
    status: reading.status,
    flags,
    onBattery,
    onBatterySince,
    lowBattery: flags.includes('LB'),
    batteryCharge: reading.batteryCharge,
    runtimeSeconds: reading.runtimeSeconds,
    minutesLeft,
    load: reading.load,
    inputVoltage: reading.inputVoltage,
    alerts: upsAlerts({ flags, onBattery, batteryCharge: reading.batteryCharge }, generatorChargePercent),
    error: null,
    checkedAt: nowIso,
    lastSeenAt: nowIso,
  };
}

/**
 * State after a failed poll. Readings and their alerts stay as last known, marked `stale`: losing sight of the UPS
 * in the middle of a power cut must not make "start the generator" vanish from the floor's screen.
 */
export function upsStateUnreachable(previous: UpsState, error: string, nowIso: string): UpsState {
  return {
    ...previous,
    reachability: 'unreachable',
    stale: true,
    alerts: [
      { code: 'unreachable', severity: 'warning' },
      ...previous.alerts.filter((alert) => alert.code !== 'unreachable'),
    ],
    error,
    checkedAt: nowIso,
  };
}

/** Whether listeners should hear about the new state: anything but the poll timestamps changed. */
export function upsStateChanged(before: UpsState, after: UpsState): boolean {
  const strip = ({ checkedAt: _c, lastSeenAt: _l, ...rest }: UpsState) => rest;
  return JSON.stringify(strip(before)) !== JSON.stringify(strip(after));
}
