import { describe, expect, it } from 'vitest';
import { defaultPolicy, gradePreliminary } from '@shared/grading';
import { mergePolicy } from '@shared/policy';

const policy = defaultPolicy();
const grade = (problemType: string, ordinaryPerHour: number, vipPerHour = 0) =>
  gradePreliminary(policy, [{ problemType, ordinaryPerHour, vipPerHour }]).level;

/*
 * DOMAIN §4, written out as [complaints per hour, expected level] at every band edge.
 * Inclusive ranges: "5–10" includes 5 and 10; ">10" starts at 11; "≥10" at 10.
 */
const ordinary: Record<string, [number, string | null][]> = {
  'account-compromise': [
    [0, null],
    [1, 'urgent'],
    [3, 'urgent'],
    [4, 'major'],
    [100, 'major'],
  ],
  // "1–10 紧急, ≥10 重大": 10 is 重大.
  'hacker-attack': [
    [0, null],
    [1, 'urgent'],
    [9, 'urgent'],
    [10, 'major'],
  ],
  'funds-anomaly': [
    [0, null],
    [1, 'urgent'],
    [3, 'urgent'],
    [4, 'major'],
  ],
  'login-failure': [
    [4, null],
    [5, 'serious'],
    [10, 'serious'],
    [11, 'urgent'],
    [500, 'urgent'],
  ],
  'operation-failure': [
    [4, null],
    [5, 'general'],
    [10, 'general'],
    [11, 'serious'],
    [20, 'serious'],
    [21, 'urgent'],
  ],
  'payment-anomaly': [
    [4, null],
    [5, 'general'],
    [10, 'general'],
    [11, 'serious'],
    [20, 'serious'],
    [21, 'urgent'],
    [50, 'urgent'],
    [51, 'major'],
  ],
  'site-unreachable': [
    [4, null],
    [5, 'general'],
    [10, 'general'],
    [11, 'serious'],
    [20, 'serious'],
    [21, 'urgent'],
  ],
  'other-product': [
    [9, null],
    [10, 'general'],
    [11, 'serious'],
    [20, 'serious'],
    [21, 'urgent'],
  ],
};

const vip: Record<string, [number, string | null][]> = {
  'account-compromise': [
    [0, null],
    [1, 'major'],
  ],
  'hacker-attack': [
    [1, 'urgent'],
    [3, 'urgent'],
    [4, 'major'],
  ],
  'funds-anomaly': [
    [1, 'urgent'],
    [2, 'major'],
  ],
  'login-failure': [
    [2, null],
    [3, 'serious'],
    [5, 'serious'],
    [6, 'urgent'],
  ],
  'other-product': [
    [4, null],
    [5, 'serious'],
    [10, 'serious'],
    [11, 'urgent'],
  ],
};

describe('gradePreliminary: every band edge of §4', () => {
  for (const [type, cases] of Object.entries(ordinary)) {
    it.each(cases)(`${type}: ordinary %i/h -> %s`, (count, level) => {
      expect(grade(type, count)).toBe(level);
    });
  }
  for (const [type, cases] of Object.entries(vip)) {
    it.each(cases)(`${type}: vip %i/h -> %s`, (count, level) => {
      expect(grade(type, 0, count)).toBe(level);
    });
  }
});

describe('gradePreliminary: columns and observations', () => {
  it('the VIP column can decide above the ordinary one', () => {
    const result = gradePreliminary(policy, [
      { problemType: 'login-failure', ordinaryPerHour: 5, vipPerHour: 6 },
    ]);
    expect(result).toEqual({ level: 'urgent', reasons: ['login-failure vip 6/h in band 6+ -> urgent'] });
  });

  it('names every column that reached the winning level', () => {
    const result = gradePreliminary(policy, [
      { problemType: 'login-failure', ordinaryPerHour: 11, vipPerHour: 6 },
    ]);
    expect(result.reasons).toEqual([
      'login-failure ordinary 11/h in band 11+ -> urgent',
      'login-failure vip 6/h in band 6+ -> urgent',
    ]);
  });

  it('the highest level across observations wins', () => {
    const result = gradePreliminary(policy, [
      { problemType: 'login-failure', ordinaryPerHour: 7, vipPerHour: 0 },
      { problemType: 'payment-anomaly', ordinaryPerHour: 51, vipPerHour: 0 },
      { problemType: 'other-product', ordinaryPerHour: 10, vipPerHour: 0 },
    ]);
    expect(result).toEqual({
      level: 'major',
      reasons: ['payment-anomaly ordinary 51/h in band 51+ -> major'],
    });
  });

  it('nothing reached is null', () => {
    expect(gradePreliminary(policy, [])).toEqual({ level: null, reasons: [] });
    expect(
      gradePreliminary(policy, [{ problemType: 'login-failure', ordinaryPerHour: 4, vipPerHour: 2 }]),
    ).toEqual({
      level: null,
      reasons: [],
    });
  });

  it('without a VIP column, VIP complaints count as ordinary ones (policy switch)', () => {
    const obs = [{ problemType: 'payment-anomaly', ordinaryPerHour: 3, vipPerHour: 2 }];
    expect(gradePreliminary(policy, obs)).toEqual({
      level: 'general',
      reasons: ['payment-anomaly ordinary+vip 5/h in band 5-10 -> general'],
    });
    const strict = mergePolicy(policy, { grading: { vipWithoutBandsCountsAsOrdinary: false } });
    expect(gradePreliminary(strict, obs).level).toBeNull();
    expect(
      gradePreliminary(strict, [{ problemType: 'payment-anomaly', ordinaryPerHour: 0, vipPerHour: 99 }])
        .level,
    ).toBeNull();
  });

  it('counts whole complaints: 10.9/h has not reached 11', () => {
    expect(grade('login-failure', 10.9)).toBe('serious');
    expect(grade('login-failure', 4.99)).toBeNull();
  });

  it('reports unknown problem types and grades the rest', () => {
    const result = gradePreliminary(policy, [
      { problemType: 'typo-type', ordinaryPerHour: 100, vipPerHour: 100 },
      { problemType: 'login-failure', ordinaryPerHour: 5, vipPerHour: 0 },
    ]);
    expect(result).toEqual({
      level: 'serious',
      reasons: [
        'login-failure ordinary 5/h in band 5-10 -> serious',
        'unknown problem type "typo-type" ignored',
      ],
    });
  });

  it('refuses negative or non-finite counts', () => {
    expect(() => grade('login-failure', -1)).toThrow(RangeError);
    expect(() => grade('login-failure', 0, Number.NaN)).toThrow(RangeError);
  });

  it('uses the bands of the site policy, not built-in ones', () => {
    const site = mergePolicy(policy, {
      problemTypes: [
        {
          id: 'login-failure',
          label: { zh: '登录异常', en: 'Login failure' },
          problemClass: 'key',
          bands: { ordinary: [{ min: 2, max: null, level: 'major' }] },
        },
      ],
    });
    expect(
      gradePreliminary(site, [{ problemType: 'login-failure', ordinaryPerHour: 2, vipPerHour: 0 }]).level,
    ).toBe('major');
    expect(
      gradePreliminary(site, [{ problemType: 'payment-anomaly', ordinaryPerHour: 60, vipPerHour: 0 }]).level,
    ).toBeNull();
  });
});
