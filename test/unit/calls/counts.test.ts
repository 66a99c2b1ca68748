import { describe, expect, it } from 'vitest';
import { countsByProblemType } from '@shared/calls/counts';

const now = new Date('2026-11-24T10:00:00+08:00');
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();

describe('counts for grading', () => {
  it('counts ordinary and VIP calls per type in the last 30 and 60 minutes', () => {
    const counts = countsByProblemType(
      [
        { problemType: 'login-failure', createdAt: ago(1) },
        { problemType: 'login-failure', createdAt: ago(30), vip: false },
        { problemType: 'login-failure', createdAt: ago(31) },
        { problemType: 'login-failure', createdAt: ago(59), vip: true },
        { problemType: 'login-failure', createdAt: ago(5), vip: true },
        { problemType: 'login-failure', createdAt: ago(61) },
        { problemType: 'payment-anomaly', createdAt: ago(60) },
      ],
      now,
    );
    expect(counts).toEqual([
      { problemType: 'login-failure', ordinaryIn30Min: 2, vipIn30Min: 1, ordinaryPerHour: 3, vipPerHour: 2 },
      {
        problemType: 'payment-anomaly',
        ordinaryIn30Min: 0,
        vipIn30Min: 0,
        ordinaryPerHour: 1,
        vipPerHour: 0,
      },
    ]);
  });

  it('ignores calls dated after now (a skewed seat clock) and unparseable dates', () => {
    expect(
      countsByProblemType(
        [
          { problemType: 'other-product', createdAt: new Date(now.getTime() + 60_000).toISOString() },
          { problemType: 'other-product', createdAt: 'yesterday' },
        ],
        now,
      ),
    ).toEqual([]);
  });
});
