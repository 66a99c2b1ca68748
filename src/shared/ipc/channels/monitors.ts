import { z } from 'zod';
import { LatencySample, LineState } from '../../monitors/line-status';
import { UpsState } from '../../monitors/ups-status';

/**
 * The power and line monitors over IPC (DOMAIN §7 power cut, network failure), spread into `ipcContract` and
 * `ipcEvents`. Also the one rule for "how bad is it right now", shared so the status bar, the power page and the
 * tray (main) can never disagree.
 */

// Local twins of contract.ts's helpers: importing them would make the contract and this file import each other.
function channel<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) {
  return { request, response };
}
const Empty = z.object({}).strict();

/** This seat's own power as the OS reports it; `null` when the platform cannot tell. */
export const SeatPowerStatus = z.object({
  onBattery: z.boolean().nullable(),
  /** When the current state was first observed; absent when it was already so at start (unknown since when). */
  since: z.iso.datetime().optional(),
});
export type SeatPowerStatus = z.infer<typeof SeatPowerStatus>;

export const PowerStatus = z.object({ ups: z.array(UpsState), seat: SeatPowerStatus });
export type PowerStatus = z.infer<typeof PowerStatus>;

export const LinesStatus = z.object({ lines: z.array(LineState) });
export type LinesStatus = z.infer<typeof LinesStatus>;

export const LineLatency = z.object({ samples: z.array(LatencySample) });
export type LineLatency = z.infer<typeof LineLatency>;

export const monitorChannels = {
  'power:status': channel(Empty, PowerStatus),
  'lines:status': channel(Empty, LinesStatus),
  'lines:latency': channel(z.object({ name: z.string().min(1).max(200) }).strict(), LineLatency),
} as const;

export const monitorEvents = {
  'power:changed': PowerStatus,
  'lines:changed': LinesStatus,
} as const;

// ---------------------------------------------------------------------------------------------------------------
// The floor's worst power/line condition.

export const FLOOR_SEVERITIES = ['unmonitored', 'ok', 'unknown', 'warning', 'critical'] as const;
export type FloorSeverity = (typeof FLOOR_SEVERITIES)[number];

/**
 * Condition codes, most urgent first: among conditions of equal severity the earlier code wins, so an empty battery
 * outranks "start the generator", which outranks a dead line.
 */
export const FLOOR_CONDITIONS = [
  'ups-low-battery',
  'ups-start-generator',
  'line-down',
  'ups-on-battery',
  'seat-on-battery',
  'line-backup-down',
  'line-degraded',
  'ups-unreachable',
  'ups-overload',
  'ups-replace-battery',
  'ups-checking',
  'line-checking',
  'ups-ok',
  'line-up',
  'seat-on-mains',
  /** Stands for all of the ok ones when nothing is wrong: one word for the status bar and the tray. */
  'all-ok',
] as const;
export type FloorConditionCode = (typeof FLOOR_CONDITIONS)[number];

export interface FloorCondition {
  code: FloorConditionCode;
  severity: Exclude<FloorSeverity, 'unmonitored'>;
  /** Ready for `{{name}}` / `{{minutes}}` in the `power.condition.<code>` messages. */
  values: { name: string; minutes: string };
}

export interface FloorPowerSummary {
  severity: FloorSeverity;
  /** The condition to show when there is room for one (status bar, tray); null when nothing is monitored. */
  worst: FloorCondition | null;
  /** Every non-ok condition, worst first. */
  problems: FloorCondition[];
}

const RANK: Record<FloorSeverity, number> = { unmonitored: 0, ok: 1, unknown: 2, warning: 3, critical: 4 };

function upsConditions(ups: UpsState): FloorCondition[] {
  const values = { name: ups.name, minutes: ups.minutesLeft === null ? '?' : String(ups.minutesLeft) };
  const codes = new Set(ups.alerts.map((alert) => alert.code));
  const out: FloorCondition[] = [];
  if (codes.has('low-battery')) out.push({ code: 'ups-low-battery', severity: 'critical', values });
  if (codes.has('start-generator')) out.push({ code: 'ups-start-generator', severity: 'critical', values });
  if (codes.has('on-battery')) out.push({ code: 'ups-on-battery', severity: 'warning', values });
  if (codes.has('unreachable')) out.push({ code: 'ups-unreachable', severity: 'warning', values });
  if (codes.has('overload')) out.push({ code: 'ups-overload', severity: 'warning', values });
  if (codes.has('replace-battery')) out.push({ code: 'ups-replace-battery', severity: 'warning', values });
  if (out.length > 0) return out;
  if (ups.reachability === 'unknown') return [{ code: 'ups-checking', severity: 'unknown', values }];
  return [{ code: 'ups-ok', severity: 'ok', values }];
}

function lineCondition(line: LineState): FloorCondition {
  const values = { name: line.name, minutes: '' };
  switch (line.health) {
    case 'down':
      // Losing the backup only removes redundancy; losing anything else stops work.
      return line.role === 'backup'
        ? { code: 'line-backup-down', severity: 'warning', values }
        : { code: 'line-down', severity: 'critical', values };
    case 'degraded':
      return { code: 'line-degraded', severity: 'warning', values };
    case 'unknown':
      return { code: 'line-checking', severity: 'unknown', values };
    case 'up':
      return { code: 'line-up', severity: 'ok', values };
  }
}

function compare(a: FloorCondition, b: FloorCondition): number {
  return (
    RANK[b.severity] - RANK[a.severity] || FLOOR_CONDITIONS.indexOf(a.code) - FLOOR_CONDITIONS.indexOf(b.code)
  );
}

/** The floor's conditions from the three monitors, worst first; the tray calls this with the services' status(). */
export function summarizeFloorPower(input: {
  ups: readonly UpsState[];
  lines: readonly LineState[];
  seat: SeatPowerStatus;
}): FloorPowerSummary {
  const conditions = [...input.ups.flatMap(upsConditions), ...input.lines.map(lineCondition)];
  if (input.seat.onBattery !== null) {
    const values = { name: '', minutes: '' };
    conditions.push(
      input.seat.onBattery
        ? { code: 'seat-on-battery', severity: 'warning', values }
        : { code: 'seat-on-mains', severity: 'ok', values },
    );
  }
  conditions.sort(compare);
  const first = conditions[0] ?? null;
  const worst: FloorCondition | null =
    first?.severity === 'ok' ? { code: 'all-ok', severity: 'ok', values: { name: '', minutes: '' } } : first;
  return {
    severity: worst?.severity ?? 'unmonitored',
    worst,
    problems: conditions.filter((condition) => condition.severity !== 'ok'),
  };
}
