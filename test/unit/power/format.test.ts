import { describe, expect, it } from 'vitest';
import { catalogues } from '@shared/i18n';
import { formatMinutes, minutesSince } from '../../../src/renderer/features/power/format';
import { recordCharges } from '../../../src/renderer/features/power/history';
import { ups, unreachable } from './helpers';

const zh = catalogues['zh-CN'].power.minutes;
const en = catalogues.en.power.minutes;

describe('minutes left on the UPS', () => {
  it('shows whole minutes, rounded down so the floor is never promised a minute the battery lacks', () => {
    expect(formatMinutes(42.9, zh)).toBe('42 分钟');
    expect(formatMinutes(0, en)).toBe('0 min');
  });

  it('switches to hours from an hour on', () => {
    expect(formatMinutes(60, zh)).toBe('1 小时 0 分钟');
    expect(formatMinutes(135, en)).toBe('2 h 15 min');
  });

  it('says "unknown" rather than a number it does not have', () => {
    expect(formatMinutes(null, zh)).toBe('未知');
    expect(formatMinutes(-3, en)).toBe('unknown');
    expect(formatMinutes(Number.NaN, en)).toBe('unknown');
  });

  it('measures time since an instant without going negative when clocks disagree', () => {
    const at = Date.parse('2025-03-01T09:00:00Z');
    expect(minutesSince('2025-03-01T08:45:00Z', at)).toBe(15);
    expect(minutesSince('2025-03-01T09:00:30Z', at)).toBe(0);
  });
});

describe('UPS charge history for the chart', () => {
  const at = (minute: number) => Date.parse('2025-03-01T09:00:00Z') + minute * 60_000;

  it('records each new charge reading, ignores repeats and stale readings, and keeps one hour', () => {
    let history = recordCharges({}, [ups('机房', { status: 'OB', batteryCharge: 90 })], at(0));
    history = recordCharges(history, [ups('机房', { status: 'OB', batteryCharge: 90 })], at(1));
    history = recordCharges(history, [unreachable(ups('机房', { status: 'OB', batteryCharge: 80 }))], at(2));
    history = recordCharges(history, [ups('机房', { status: 'OB', batteryCharge: 70 })], at(30));
    expect(history['机房']?.map((p) => p.charge)).toEqual([90, 70]);
    history = recordCharges(history, [ups('机房', { status: 'OB', batteryCharge: 60 })], at(75));
    expect(history['机房']?.map((p) => p.charge)).toEqual([70, 60]);
  });
});
