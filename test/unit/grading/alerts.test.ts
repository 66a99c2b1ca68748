import { describe, expect, it } from 'vitest';
import { defaultPolicy, mustRaiseAlert } from '@shared/grading';
import { mergePolicy } from '@shared/policy';

const policy = defaultPolicy();
const raise = (problemClass: 'security' | 'key' | 'regular', ordinaryIn30Min: number, vipIn30Min: number) =>
  mustRaiseAlert(policy, { problemClass, ordinaryIn30Min, vipIn30Min }).raise;

describe('mustRaiseAlert: 30-minute thresholds per class (§3)', () => {
  it.each([
    ['security', 0, 0, false],
    ['security', 1, 0, true],
    ['security', 0, 1, true],
    ['key', 4, 2, false],
    ['key', 5, 0, true],
    ['key', 0, 3, true],
    ['regular', 9, 4, false],
    ['regular', 10, 0, true],
    ['regular', 0, 5, true],
  ] as const)('%s: ordinary %i, vip %i -> %s', (problemClass, ordinary, vipCount, expected) => {
    expect(raise(problemClass, ordinary, vipCount)).toBe(expected);
  });

  it('says which count reached which threshold', () => {
    expect(mustRaiseAlert(policy, { problemClass: 'key', ordinaryIn30Min: 6, vipIn30Min: 0 })).toEqual({
      raise: true,
      reason: 'ordinary 6 in 30 min >= key threshold 5',
    });
    expect(mustRaiseAlert(policy, { problemClass: 'regular', ordinaryIn30Min: 2, vipIn30Min: 1 })).toEqual({
      raise: false,
      reason: 'below regular thresholds (ordinary 10, vip 5 in 30 min)',
    });
  });
});

describe('mustRaiseAlert: core operation affected ratio', () => {
  const core = (affectedRatio: number | undefined, coreOperation = true) =>
    mustRaiseAlert(policy, {
      problemClass: 'key',
      ordinaryIn30Min: 0,
      vipIn30Min: 0,
      coreOperation,
      affectedRatio,
    });

  it('1 % or more of users affected must be reported even below the counts', () => {
    expect(core(0.01)).toEqual({ raise: true, reason: 'core operation affected ratio 0.01 >= 0.01' });
    expect(core(0.25).raise).toBe(true);
  });

  it('below 1 %, unknown ratio, or not a core operation: no alert', () => {
    expect(core(0.0099).raise).toBe(false);
    expect(core(undefined).raise).toBe(false);
    expect(core(0.5, false).raise).toBe(false);
  });

  it('follows the site thresholds', () => {
    const site = mergePolicy(policy, {
      alerts: { coreOperationAffectedRatio: 0.05, thresholds: { key: { ordinary: 8 } } },
    });
    expect(
      mustRaiseAlert(site, {
        problemClass: 'key',
        ordinaryIn30Min: 0,
        vipIn30Min: 0,
        coreOperation: true,
        affectedRatio: 0.01,
      }).raise,
    ).toBe(false);
    expect(mustRaiseAlert(site, { problemClass: 'key', ordinaryIn30Min: 7, vipIn30Min: 0 }).raise).toBe(
      false,
    );
    expect(mustRaiseAlert(site, { problemClass: 'key', ordinaryIn30Min: 8, vipIn30Min: 0 }).raise).toBe(true);
    expect(mustRaiseAlert(site, { problemClass: 'key', ordinaryIn30Min: 0, vipIn30Min: 3 }).raise).toBe(true);
  });
});
