import { describe, expect, it } from 'vitest';
import { catalogues } from '@shared/i18n';
import { interpolate } from '@shared/i18n/format';
import { summarizeFloorPower } from '@shared/ipc/channels/monitors';
import { line, ups, unreachable } from './helpers';

const onMains = { onBattery: false };

describe('the floor’s worst power state (status bar and tray)', () => {
  it('is "not monitored" when the policy watches nothing and the seat cannot tell', () => {
    expect(summarizeFloorPower({ ups: [], lines: [], seat: { onBattery: null } })).toEqual({
      severity: 'unmonitored',
      worst: null,
      problems: [],
    });
  });

  it('is ok when mains and every line are fine', () => {
    const summary = summarizeFloorPower({
      ups: [ups('机房', { status: 'OL CHRG' })],
      lines: [line('主线路', 'up', { role: 'primary' })],
      seat: onMains,
    });
    expect(summary.severity).toBe('ok');
    expect(summary.worst?.code).toBe('all-ok');
    expect(summary.problems).toEqual([]);
  });

  it('shows "start the generator" over "on battery" when the battery is below 60 %', () => {
    const summary = summarizeFloorPower({
      ups: [ups('机房', { status: 'OB DISCHRG', batteryCharge: 55, runtimeSeconds: 1500 })],
      lines: [],
      seat: onMains,
    });
    expect(summary.severity).toBe('critical');
    expect(summary.worst?.code).toBe('ups-start-generator');
    expect(summary.problems.map((p) => p.code)).toEqual(['ups-start-generator', 'ups-on-battery']);
  });

  it('puts an empty battery above everything else, and a dead CRM above a UPS merely on battery', () => {
    const lowBattery = ups('B', { status: 'OB LB', batteryCharge: 8, runtimeSeconds: 120 });
    const crm = line('CRM', 'down', { role: 'crm' });
    expect(summarizeFloorPower({ ups: [lowBattery], lines: [crm], seat: onMains }).worst?.code).toBe(
      'ups-low-battery',
    );
    const onBattery = ups('A', { status: 'OB', batteryCharge: 90 });
    expect(summarizeFloorPower({ ups: [onBattery], lines: [crm], seat: onMains }).worst).toMatchObject({
      code: 'line-down',
      values: { name: 'CRM' },
    });
  });

  it('treats a backup line down as a warning, not as the floor being cut off', () => {
    const summary = summarizeFloorPower({
      ups: [],
      lines: [line('主', 'up', { role: 'primary' }), line('备', 'down', { role: 'backup' })],
      seat: onMains,
    });
    expect(summary.severity).toBe('warning');
    expect(summary.worst?.code).toBe('line-backup-down');
  });

  it('keeps the generator alert while the UPS is out of sight', () => {
    const lost = unreachable(ups('机房', { status: 'OB', batteryCharge: 50 }));
    const codes = summarizeFloorPower({ ups: [lost], lines: [], seat: onMains }).problems.map((p) => p.code);
    expect(codes).toEqual(['ups-start-generator', 'ups-on-battery', 'ups-unreachable']);
  });

  it('reports this seat on battery, and lines still checking as unknown', () => {
    expect(summarizeFloorPower({ ups: [], lines: [], seat: { onBattery: true } }).worst?.code).toBe(
      'seat-on-battery',
    );
    expect(summarizeFloorPower({ ups: [], lines: [line('CRM', 'unknown')], seat: onMains }).severity).toBe(
      'unknown',
    );
  });

  it('gives the tray a ready sentence in either language', () => {
    const worst = summarizeFloorPower({
      ups: [ups('机房', { status: 'OB', batteryCharge: 80, runtimeSeconds: 42 * 60 + 30 })],
      lines: [],
      seat: onMains,
    }).worst;
    expect(worst).not.toBeNull();
    if (!worst) return;
    expect(interpolate(catalogues['zh-CN'].power.condition[worst.code], worst.values)).toBe(
      'UPS「机房」电池供电，剩 42 分钟',
    );
    expect(interpolate(catalogues.en.power.condition[worst.code], worst.values)).toBe(
      'UPS “机房” on battery, 42 min left',
    );
  });
});
