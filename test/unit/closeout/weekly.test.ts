import { describe, expect, it } from 'vitest';
import type { CallLog } from '@shared/calls/schema';
import { BUILT_IN_TEMPLATES } from '@shared/checklists';
import { buildWeeklyReview, toMarkdown, weekStartOf, weeklyDocument } from '@shared/closeout';
import { deriveIncidents } from '@shared/incidents';
import { defaultPolicy } from '@shared/policy';
import { at, declared, ev, OTHER } from '../incidents/helpers';

const policy = defaultPolicy();
const zone = policy.calendar.timeZone;
let n = 0;
const call = (minutes: number, problemType: string, extra: Partial<CallLog> = {}): CallLog => ({
  id: `0195f0a0-0000-7000-9000-${String(++n).padStart(12, '0')}`,
  createdAt: at(minutes).toISOString(),
  agent: '王芳',
  callerPhone: `+861380000${String(n).padStart(4, '0')}`,
  problemType,
  summary: 's',
  ...extra,
});

describe('weekly review', () => {
  it('starts the week on Monday 00:00 in the site zone', () => {
    // T0 is Tuesday 2025-03-04 10:00 +08:00; Sunday 23:30 there is still the week before.
    expect(weekStartOf(at(0), zone).toISOString()).toBe('2025-03-02T16:00:00.000Z');
    expect(weekStartOf(new Date('2025-03-02T23:30:00+08:00'), zone).toISOString()).toBe(
      '2025-02-23T16:00:00.000Z',
    );
  });

  it('lists the week’s incidents with final levels, callbacks still owed, and problem types that came back', () => {
    const incidents = deriveIncidents([
      declared('urgent'),
      ev('incident.resolved', {}, { minutes: 30 }),
      ev(
        'incident.final-graded',
        {
          level: 'urgent',
          availabilityHours: 0.5,
          lossCny: 20_000,
          complaintLevel: null,
          decidingCriterion: 'loss',
          reasons: ['loss 20000 CNY > 10000 CNY -> urgent'],
        },
        { minutes: 31 },
      ),
      declared('general', { incidentId: OTHER, minutes: 24 * 60 }),
      // Declared the next Monday: not this week.
      declared('major', { incidentId: '0195f0a0-0000-7000-8000-000000000003', minutes: 6 * 24 * 60 }),
    ]);
    const calls = [
      call(5, 'login-failure', { callbackWanted: true }),
      call(6, 'login-failure', { callbackWanted: true, status: 'called-back' }),
      call(24 * 60 + 5, 'login-failure'),
      call(10, 'payment-anomaly'),
    ];
    const review = buildWeeklyReview({
      policy,
      incidents,
      calls,
      templates: BUILT_IN_TEMPLATES,
      weekStart: weekStartOf(at(0), zone),
      now: at(3 * 24 * 60),
    });
    expect(review.incidents.map((i) => [i.preliminary, i.final, i.decidingCriterion])).toEqual([
      ['urgent', 'urgent', 'loss'],
      ['general', null, null],
    ]);
    expect(review.openCallbacks).toHaveLength(1);
    expect(review.repeated).toEqual([{ problemType: 'login-failure', calls: 3, incidents: 2, days: 2 }]);

    const md = toMarkdown(weeklyDocument(review, policy, 'zh-CN'));
    expect(md).toContain('2025-03-03 至 2025-03-09');
    expect(md).toContain('| 2025-03-04 10:00 | 应用程序/网络/ACD系统故障 | 紧急 | 紧急 | 损失金额 |');
    expect(md).toContain('| 登录异常 | 3 | 2 | 2 |');
  });
});
