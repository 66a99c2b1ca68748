import { describe, expect, it } from 'vitest';
import {
  compareLevels,
  defaultPolicy,
  highestLevel,
  levelRank,
  lowestLevel,
  peopleForRole,
  problemClassOf,
} from '@shared/policy';

const policy = defaultPolicy();

describe('default policy (DOMAIN.md)', () => {
  it('has the four levels highest first with labels, owners and resolution targets (§2, §6)', () => {
    expect(policy.levels.map((l) => [l.id, l.label.zh, l.ownerRole, l.resolutionTargetHours])).toEqual([
      ['major', '重大', 'cs-manager', 2],
      ['urgent', '紧急', 'cs-manager', 4],
      ['serious', '严重', 'cs-supervisor', 8],
      ['general', '一般', 'shift-lead', null],
    ]);
  });

  it('classes the eight problem types per §3', () => {
    expect(Object.fromEntries(policy.problemTypes.map((t) => [t.id, t.problemClass]))).toEqual({
      'account-compromise': 'security',
      'hacker-attack': 'security',
      'funds-anomaly': 'security',
      'login-failure': 'key',
      'operation-failure': 'key',
      'payment-anomaly': 'key',
      'site-unreachable': 'key',
      'other-product': 'regular',
    });
  });

  it('has the 30-minute thresholds and the 1 % core-operation ratio (§3)', () => {
    expect(policy.alerts.windowMinutes).toBe(30);
    expect(policy.alerts.thresholds).toEqual({
      security: { ordinary: 1, vip: 1 },
      key: { ordinary: 5, vip: 3 },
      regular: { ordinary: 10, vip: 5 },
    });
    expect(policy.alerts.coreOperationAffectedRatio).toBe(0.01);
  });

  it('has the §5 deadline table in minutes, 一般 working figures read as minutes', () => {
    const row = (id: string) => policy.deadlines[id];
    expect(row('major')).toEqual({
      working: { notifyOwner: 5, realtimePlan: 20, rootCausePlan: 60, reportUp: 10 },
      offHours: { notifyOwner: 30, realtimePlan: 120, rootCausePlan: 240, reportUp: 60 },
    });
    expect(row('urgent')).toEqual({
      working: { notifyOwner: 10, realtimePlan: 30, rootCausePlan: 120, reportUp: 15 },
      offHours: { notifyOwner: 60, realtimePlan: 180, rootCausePlan: 360, reportUp: 120 },
    });
    expect(row('serious')).toEqual({
      working: { notifyOwner: 15, realtimePlan: 60, rootCausePlan: 180, reportUp: 20 },
      offHours: { notifyOwner: 120, realtimePlan: 240, rootCausePlan: 480, reportUp: 180 },
    });
    expect(row('general')).toEqual({
      working: { notifyOwner: 20, realtimePlan: 120, rootCausePlan: 240, reportUp: 30 },
      offHours: { notifyOwner: 240, realtimePlan: 360, rootCausePlan: 720, reportUp: 300 },
    });
  });

  it('has the site calendar and the other settings', () => {
    expect(policy.calendar).toEqual({
      timeZone: 'Asia/Shanghai',
      workingHours: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '18:00' },
      serviceHours: { days: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'], start: '08:00', end: '22:00' },
      holidays: [],
      workdays: [],
    });
    expect(policy.crmDownAlertMinutes).toBe(2);
    expect(policy.retention).toEqual({ purgeSyncedAfterDays: null });
    expect(policy.updates).toEqual({ enabled: false });
    expect(policy.allowContactEdits).toBe(false);
    expect(policy.ups).toEqual([]);
    expect(policy.lines).toEqual([]);
    expect(policy.escalation.stepWaitMinutes).toBe(5);
    expect(policy.escalation.remindAcknowledgedEveryMinutes).toBe(30);
    expect(policy.escalation.statusUpdateMinutes.general).toBe(60);
  });

  it('ships only example people with undiallable numbers', () => {
    expect(policy.contacts.people.length).toBeGreaterThan(0);
    for (const person of policy.contacts.people) {
      expect(person.example).toBe(true);
      for (const phone of person.phones) expect(phone).toMatch(/^\+86 000 /);
    }
    expect(policy.contacts.teams.map((t) => t.id)).toEqual(
      expect.arrayContaining(['cs', 'tech-ops', 'pr-brand', 'product', 'content', 'finance', 'legal']),
    );
  });

  it('has someone in the example tree for every role an escalation chain names', () => {
    const roles = Object.values(policy.escalation.chains).flatMap((steps) => steps.map((s) => s.role));
    for (const role of roles) expect(peopleForRole(policy, role), role).not.toEqual([]);
    // The first step of each chain notifies the owner named in §5.
    expect(
      Object.fromEntries(Object.entries(policy.escalation.chains).map(([id, steps]) => [id, steps[0]])),
    ).toEqual({
      major: { role: 'cs-manager', clock: 'notifyOwner' },
      urgent: { role: 'cs-manager', clock: 'notifyOwner' },
      serious: { role: 'cs-supervisor', clock: 'notifyOwner' },
      general: { role: 'cs-supervisor', clock: 'notifyOwner' },
    });
  });

  it('returns a fresh copy each time', () => {
    const a = defaultPolicy();
    a.levels.pop();
    expect(defaultPolicy().levels).toHaveLength(4);
  });
});

describe('lookups', () => {
  it('problemClassOf', () => {
    expect(problemClassOf(policy, 'funds-anomaly')).toBe('security');
    expect(problemClassOf(policy, 'payment-anomaly')).toBe('key');
    expect(problemClassOf(policy, 'other-product')).toBe('regular');
    expect(problemClassOf(policy, 'no-such-type')).toBeUndefined();
  });

  it('levelRank: 0 is the highest, -1 unknown', () => {
    expect(['major', 'urgent', 'serious', 'general', 'nope'].map((id) => levelRank(policy, id))).toEqual([
      0, 1, 2, 3, -1,
    ]);
  });

  it('compareLevels sorts most severe first, unknown last', () => {
    const sorted = ['general', 'nope', 'major', 'serious', 'urgent'].sort((a, b) =>
      compareLevels(policy, a, b),
    );
    expect(sorted).toEqual(['major', 'urgent', 'serious', 'general', 'nope']);
    expect(compareLevels(policy, 'urgent', 'serious')).toBeLessThan(0);
    expect(compareLevels(policy, 'general', 'general')).toBe(0);
  });

  it('highestLevel and lowestLevel', () => {
    expect(highestLevel(policy, ['general', null, 'serious', 'bogus'])).toBe('serious');
    expect(highestLevel(policy, [])).toBeNull();
    expect(lowestLevel(policy)).toBe('general');
  });

  it('peopleForRole puts people on duty first', () => {
    const person = { role: 'shift-lead', phones: [], team: 'cs' };
    const custom = {
      ...policy,
      contacts: {
        ...policy.contacts,
        people: [
          { ...person, id: 'off', name: 'Off', onDuty: false },
          { ...person, id: 'on', name: 'On', onDuty: true },
        ],
      },
    };
    expect(peopleForRole(custom, 'shift-lead').map((p) => p.id)).toEqual(['on', 'off']);
  });
});
