import { describe, expect, it } from 'vitest';
import { suggestLevel } from '@shared/incidents/suggest';
import { defaultPolicy } from '@shared/policy';
import { at, T0 } from './helpers';

const policy = defaultPolicy();
const call = (problemType: string, minutesAgo: number, vip = false) => ({
  problemType,
  createdAt: at(-minutesAgo).toISOString(),
  vip,
});

describe('suggestLevel', () => {
  it('grades the last hour of the call sheet and names the band that decided', () => {
    const calls = [
      ...Array.from({ length: 5 }, (_, i) => call('login-failure', i * 10)),
      call('login-failure', 61),
    ];
    const suggestion = suggestLevel(policy, calls, T0);
    expect(suggestion.level).toBe('serious');
    expect(suggestion.reasons).toEqual(['login-failure ordinary 5/h in band 5-10 -> serious']);
  });

  it('lists the problem types whose last 30 minutes must be reported', () => {
    const suggestion = suggestLevel(policy, [call('account-compromise', 5), call('login-failure', 40)], T0);
    expect(suggestion.level).toBe('urgent');
    expect(suggestion.alerts).toEqual([
      { problemType: 'account-compromise', reason: 'ordinary 1 in 30 min >= security threshold 1' },
    ]);
  });

  it('suggests nothing from a quiet call sheet', () => {
    expect(suggestLevel(policy, [call('other-product', 1)], T0)).toEqual({
      level: null,
      reasons: [],
      alerts: [],
    });
  });
});
