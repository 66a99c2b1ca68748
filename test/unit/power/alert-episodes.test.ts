import { describe, expect, it } from 'vitest';
import {
  EMPTY_MEMORY,
  settleOffer,
  stepEpisodes,
  type EpisodeInput,
  type EpisodeMemory,
  type EpisodeStep,
} from '../../../src/renderer/features/power/alert-episodes';
import { iso, line, minutes, T0, ups, unreachable } from './helpers';

const base = { ups: [], lines: [], crmDownAlertMinutes: 2, now: T0 } satisfies EpisodeInput;

/** Runs a sequence of snapshots through the reducer, as the store does, and keeps what each step produced. */
function run(inputs: Partial<EpisodeInput>[], start: EpisodeMemory = EMPTY_MEMORY) {
  let memory = start;
  return inputs.map((input) => {
    const step = stepEpisodes(memory, { ...base, ...input });
    memory = step.memory;
    return step;
  });
}

/** What "Dismiss" on the first visible offer does. */
function dismissFirst(step: EpisodeStep | undefined): EpisodeMemory {
  const offer = step?.offers[0];
  if (!step || !offer) throw new Error('expected an offer');
  return settleOffer(step.memory, offer.id);
}

describe('power-cut offer', () => {
  const onBattery = ups('机房', { status: 'OB DISCHRG', batteryCharge: 55 }, T0);
  const onMains = ups('机房', { status: 'OL CHRG', batteryCharge: 56 }, T0 + minutes(20), onBattery);

  it('is offered as soon as a UPS is on battery, even if it already was when the console started', () => {
    const [first] = run([{ ups: [onBattery] }]);
    expect(first?.offers).toEqual([
      { kind: 'power-cut', id: `power-cut:${iso(T0)}`, ups: ['机房'], since: iso(T0) },
    ]);
  });

  it('is shown once per outage: after dismissing it stays away until mains returns and goes again', () => {
    const [first] = run([{ ups: [onBattery] }]);
    const dismissed = dismissFirst(first);
    const again = ups('机房', { status: 'OB' }, T0 + minutes(30), onMains);
    const steps = run(
      [
        { ups: [onBattery], now: T0 + minutes(1) },
        { ups: [unreachable(onBattery, T0 + minutes(2))], now: T0 + minutes(2) },
        { ups: [onMains], now: T0 + minutes(20) },
        { ups: [again], now: T0 + minutes(30) },
      ],
      dismissed,
    );
    expect(steps.map((step) => step.offers.length)).toEqual([0, 0, 0, 1]);
    expect(steps[3]?.offers[0]).toMatchObject({ since: iso(T0 + minutes(30)) });
  });

  it('makes one offer for several UPS units going down together', () => {
    const other = ups('楼层', { status: 'OB' }, T0 + 5_000);
    const [step] = run([{ ups: [onBattery, other] }]);
    expect(step?.offers).toHaveLength(1);
    expect(step?.offers[0]).toMatchObject({ ups: ['机房', '楼层'], since: iso(T0) });
  });

  it('notes on the open incident when mains returns', () => {
    const steps = run([{ ups: [onBattery] }, { ups: [onMains], now: T0 + minutes(20) }]);
    expect(steps[1]?.effects).toEqual([{ kind: 'mains-restored', ups: '机房', at: iso(T0 + minutes(20)) }]);
  });
});

describe('CRM-down offer', () => {
  const crmDown = line('CRM', 'down', { role: 'crm', since: iso(T0) });

  it('waits for the site’s threshold, then opens the call sheet once and offers the incident', () => {
    const steps = run([
      { lines: [crmDown], now: T0 + minutes(1) },
      { lines: [crmDown], now: T0 + minutes(2) },
      { lines: [crmDown], now: T0 + minutes(3) },
    ]);
    expect(steps[0]?.offers).toEqual([]);
    expect(steps[0]?.effects).toEqual([]);
    expect(steps[1]?.offers).toEqual([
      { kind: 'crm-down', id: `crm-down:CRM:${iso(T0)}`, line: 'CRM', since: iso(T0) },
    ]);
    expect(steps[1]?.effects).toEqual([{ kind: 'open-call-sheet', line: 'CRM' }]);
    expect(steps[2]?.effects).toEqual([]);
    expect(steps[2]?.offers).toHaveLength(1);
  });

  it('follows the policy’s minutes', () => {
    const [step] = run([{ lines: [crmDown], now: T0 + minutes(3), crmDownAlertMinutes: 5 }]);
    expect(step?.offers).toEqual([]);
  });

  it('ignores lines that are not the CRM, and a CRM that is only degraded', () => {
    const [step] = run([
      {
        lines: [line('主线路', 'down', { role: 'primary' }), line('CRM', 'degraded', { role: 'crm' })],
        now: T0 + minutes(10),
      },
    ]);
    expect(step?.offers).toEqual([]);
  });

  it('once dismissed, comes back only with the next outage', () => {
    const [due] = run([{ lines: [crmDown], now: T0 + minutes(3) }]);
    const dismissed = dismissFirst(due);
    const up = line('CRM', 'up', { role: 'crm', since: iso(T0 + minutes(10)) });
    const downAgain = line('CRM', 'down', { role: 'crm', since: iso(T0 + minutes(20)) });
    const steps = run(
      [
        { lines: [crmDown], now: T0 + minutes(5) },
        { lines: [up], now: T0 + minutes(10) },
        { lines: [downAgain], now: T0 + minutes(21) },
        { lines: [downAgain], now: T0 + minutes(23) },
      ],
      dismissed,
    );
    expect(steps.map((step) => step.offers.length)).toEqual([0, 0, 0, 1]);
    expect(steps[3]?.effects).toEqual([{ kind: 'open-call-sheet', line: 'CRM' }]);
  });
});

describe('line back up', () => {
  it('adds a note with how long it was down, only for a recovery seen live', () => {
    const down = line('备用线路', 'down', { role: 'backup', since: iso(T0) });
    const up = line('备用线路', 'up', { role: 'backup', since: iso(T0 + minutes(7)) });
    const steps = run([
      { lines: [down] },
      { lines: [up], now: T0 + minutes(7) },
      { lines: [up], now: T0 + minutes(8) },
    ]);
    expect(steps[1]?.effects).toEqual([
      { kind: 'line-restored', line: '备用线路', downSince: iso(T0), at: iso(T0 + minutes(7)) },
    ]);
    expect(steps[2]?.effects).toEqual([]);

    const [atStart] = run([{ lines: [up] }]);
    expect(atStart?.effects).toEqual([]);
  });
});
