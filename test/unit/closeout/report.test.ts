import { describe, expect, it } from 'vitest';
import type { CallLog } from '@shared/calls/schema';
import { BUILT_IN_TEMPLATES } from '@shared/checklists';
import {
  buildIncidentReport,
  finalGrade,
  gradeComplaints,
  noteKindOf,
  reportDocument,
  toMarkdown,
  AVAILABILITY_REASON_KIND,
} from '@shared/closeout';
import { deriveIncident } from '@shared/incidents';
import { defaultPolicy } from '@shared/policy';
import { at, contact, declared, ev, INCIDENT } from '../incidents/helpers';

const policy = defaultPolicy();

let n = 0;
function call(minutes: number, problemType: string, extra: Partial<CallLog> = {}): CallLog {
  n++;
  return {
    id: `0195f0a0-0000-7000-8000-${String(n).padStart(12, '0')}`,
    createdAt: at(minutes).toISOString(),
    agent: '王芳',
    callerPhone: `+86138000000${String(n).padStart(2, '0')}`,
    problemType,
    summary: '无法登录',
    ...extra,
  };
}

describe('complaint volume over the incident window', () => {
  it('grades the worst hour of the window, not the last one', () => {
    // 11 login failures within one hour early on (> 10 → 紧急), then quiet for two hours.
    const calls = [
      ...Array.from({ length: 11 }, (_, i) => call(5 + i, 'login-failure')),
      call(170, 'login-failure'),
    ];
    const grade = gradeComplaints(policy, calls, { start: at(0), end: at(180) });
    expect(grade.level).toBe('urgent');
    expect(grade.at).toBe(at(15).toISOString());
    expect(grade.reasons[0]).toContain('login-failure ordinary 11/h');
    expect(grade.peaks).toEqual([{ problemType: 'login-failure', ordinaryPerHour: 11, vipPerHour: 0 }]);
  });

  it('counts VIP and ordinary apart, and nothing outside the window', () => {
    const calls = [
      ...Array.from({ length: 3 }, (_, i) => call(10 + i, 'login-failure', { vip: true })),
      ...Array.from({ length: 20 }, (_, i) => call(300 + i, 'login-failure')),
    ];
    const grade = gradeComplaints(policy, calls, { start: at(0), end: at(60) });
    expect(grade.level).toBe('serious');
    expect(grade.peaks).toEqual([{ problemType: 'login-failure', ordinaryPerHour: 0, vipPerHour: 3 }]);
  });
});

describe('final grade', () => {
  it('names the criterion that decided', () => {
    expect(
      finalGrade(policy, { availabilityHours: 0.75, lossCny: 20_000, complaintLevel: 'serious' }),
    ).toMatchObject({
      level: 'urgent',
      decidingCriterion: 'loss',
    });
    // Exactly 2 h is 紧急 (strictly above 2 h is 重大).
    expect(finalGrade(policy, { availabilityHours: 2, lossCny: 0, complaintLevel: null })).toMatchObject({
      level: 'urgent',
      decidingCriterion: 'availability',
    });
    expect(finalGrade(policy, { availabilityHours: 0.2, lossCny: 0, complaintLevel: null })).toMatchObject({
      level: 'general',
      decidingCriterion: 'none',
    });
  });
});

describe('incident report', () => {
  const log = [
    declared('urgent'),
    contact('incident.person-notified', 'example-cs-manager', 'cs-manager', 0, 3),
    contact('incident.acknowledged', 'example-cs-manager', 'cs-manager', 0, 4),
    ev('incident.level-changed', { from: 'urgent', to: 'major', reason: '投诉激增' }, { minutes: 20 }),
    ev('incident.note', { text: 'CRM 数据库主库宕机', kind: noteKindOf('why') }, { minutes: 70 }),
    ev('incident.note', { text: 'Primary CRM database failed', kind: noteKindOf('why') }, { minutes: 71 }),
    ev('incident.note', { text: '切换到备用库', kind: noteKindOf('measures') }, { minutes: 72 }),
    ev('incident.note', { text: '含两次等待', kind: AVAILABILITY_REASON_KIND }, { minutes: 90 }),
    ev('incident.resolved', {}, { minutes: 90 }),
    ev(
      'incident.final-graded',
      {
        level: 'major',
        availabilityHours: 1.5,
        lossCny: 150_000,
        complaintLevel: 'urgent',
        decidingCriterion: 'loss',
        reasons: ['loss 150000 CNY > 100000 CNY -> major'],
      },
      { minutes: 91 },
    ),
  ];
  const incident = deriveIncident(log, INCIDENT);
  if (!incident) throw new Error('no incident');
  const calls = [
    call(30, 'login-failure', { callbackWanted: true }),
    call(31, 'payment', { callbackWanted: true, status: 'called-back' }),
  ];
  const report = buildIncidentReport({
    policy,
    incident,
    calls,
    templates: BUILT_IN_TEMPLATES,
    now: at(120),
  });

  it('holds the final grade, the edited availability and its reason, and the latest text of each field', () => {
    expect(report.final).toMatchObject({
      level: 'major',
      decidingCriterion: 'loss',
      availabilityReason: '含两次等待',
    });
    expect(report.computedAvailabilityHours).toBe(1.5);
    expect(report.fields).toEqual({ why: 'Primary CRM database failed', measures: '切换到备用库' });
    expect(report.calls).toMatchObject({ total: 2, callbacks: { wanted: 2, done: 1, owed: 1 } });
    // The close-out's own notes are the report's fields, not timeline entries.
    expect(report.timeline.some((e) => e.type === 'incident.note')).toBe(false);
  });

  it('drops the final grade after a reopen until it is graded again', () => {
    const reopened = deriveIncident(
      [...log, ev('incident.reopened', { reason: '又出现' }, { minutes: 100 })],
      INCIDENT,
    );
    if (!reopened) throw new Error('no incident');
    const again = buildIncidentReport({
      policy,
      incident: reopened,
      calls,
      templates: BUILT_IN_TEMPLATES,
      now: at(130),
    });
    expect(again.final).toBeNull();
    expect(again.status).toBe('open');
    expect(again.computedAvailabilityHours).toBe(2);
  });

  it('renders Markdown in Chinese with the final level, the deciding criterion and the timeline', () => {
    const md = toMarkdown(reportDocument(report, policy, 'zh-CN'));
    expect(md).toMatch(/^# 突发事件报告：应用程序\/网络\/ACD系统故障\n/);
    expect(md).toContain(`事件编号: ${INCIDENT}`);
    expect(md).toContain('- **最终级别**: 重大');
    expect(md).toContain('- **决定因素**: 损失金额');
    expect(md).toContain('- **损失金额**: 150,000 元');
    expect(md).toContain('- **可用性影响**: 1.5 小时');
    expect(md).toContain('| 2025-03-04 10:00 | 宣布事件：应用程序/网络/ACD系统故障，紧急 | 王芳 |');
    expect(md).toContain('| 2025-03-04 10:20 | 级别 紧急 → 重大：投诉激增 | 王芳 |');
    expect(md).toContain('- **原因（Why）**: Primary CRM database failed');
    expect(md).toContain('| 通知负责人（紧急） | 2025-03-04 10:10 | 2025-03-04 10:04 | 按时 |');
    expect(md).toContain('- **报告人**: 未填写');
  });

  it('renders the same report in English', () => {
    const md = toMarkdown(reportDocument(report, policy, 'en'));
    expect(md).toContain('- **Final level**: Major');
    expect(md).toContain('- **Decided by**: loss');
    expect(md).toContain('- **Loss**: CNY 150,000');
    expect(md).toContain('| Notify owner (Urgent) | 2025-03-04 10:10 | 2025-03-04 10:04 | met |');
    expect(md).toContain('- **Callbacks**: 2 wanted, 1 done, 1 owed');
    // English punctuation throughout: no full-width brackets, colons or semicolons from the Chinese wording.
    expect(md).not.toMatch(/[（）：；]/);
  });

  it('prints the whole Markdown for a reader to check', () => {
    expect(toMarkdown(reportDocument(report, policy, 'zh-CN'))).toMatchSnapshot();
  });

  it('keeps tables intact when a text holds a pipe or a line break', () => {
    const tricky = deriveIncident(
      [
        declared('urgent'),
        ev('incident.level-changed', { from: 'urgent', to: 'major', reason: 'a | b' }, { minutes: 1 }),
      ],
      INCIDENT,
    );
    if (!tricky) throw new Error('no incident');
    const md = toMarkdown(
      reportDocument(
        buildIncidentReport({ policy, incident: tricky, calls: [], templates: [], now: at(5) }),
        policy,
        'en',
      ),
    );
    expect(md).toContain('Level Urgent → Major: a \\| b');
  });
});
