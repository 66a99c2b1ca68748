import { describe, expect, it } from 'vitest';
import { deriveIncidents } from '@shared/incidents/derive';
import type { IncidentEvent } from '@shared/incidents/events';
import { planEscalation, urgencyOf } from '@shared/incidents/escalation';
import { defaultPolicy, type Person, type SitePolicy } from '@shared/policy';
import { at, contact, declared, ev, T0 } from './helpers';

const policy = defaultPolicy();
const plan = (events: IncidentEvent[], now: Date, p: SitePolicy = policy) => {
  const incident = deriveIncidents(events)[0];
  if (!incident) throw new Error('no incident');
  return planEscalation(p, incident, now);
};
const step = (events: IncidentEvent[], now: Date, index = 0, p: SitePolicy = policy) => {
  const s = plan(events, now, p).steps[index];
  if (!s) throw new Error(`no step ${index}`);
  return s;
};

/** The default policy with two CS managers: one on duty, one not (listed first, so order must come from duty). */
function twoManagers(): SitePolicy {
  const p = defaultPolicy();
  const manager = p.contacts.people.find((x) => x.role === 'cs-manager') as Person;
  p.contacts.people = [
    { ...manager, id: 'manager-off', name: 'Off Duty', onDuty: false },
    ...p.contacts.people.map((x) =>
      x.role === 'cs-manager' ? { ...x, id: 'manager-on', name: 'On Duty' } : x,
    ),
  ];
  return p;
}

describe('planEscalation: deadlines and urgency', () => {
  it('resolves the chain of the level to people, with each step serving its clock', () => {
    const p = plan([declared('urgent')], T0);
    expect(p.steps.map((s) => [s.role, s.clock, s.people.map((x) => x.id)])).toEqual([
      ['cs-manager', 'notifyOwner', ['example-cs-manager']],
      ['service-director', 'reportUp', ['example-service-director']],
      ['tech-lead', 'reportUp', ['example-tech-lead']],
      ['product-owner', 'reportUp', ['example-product-owner']],
      ['product-owner-lead', 'reportUp', ['example-product-owner-lead']],
      ['product-director', 'realtimePlan', ['example-product-director']],
      ['pr-brand', 'realtimePlan', ['example-pr-brand']],
      ['product-owner', 'rootCausePlan', ['example-product-owner']],
    ]);
    // 紧急 in working hours: 10 / 15 / 30 min / 2 h.
    expect(p.deadlines.timeKind).toBe('working');
    expect(p.steps[0]?.deadline).toEqual(at(10));
    expect(p.steps[1]?.deadline).toEqual(at(15));
    expect(p.steps[5]?.deadline).toEqual(at(30));
    expect(p.steps[7]?.deadline).toEqual(at(120));
    expect(p.next?.person.id).toBe('example-cs-manager');
  });

  it('is due soon from two minutes before the deadline, and overdue only strictly after it', () => {
    const deadline = at(10);
    expect(urgencyOf(deadline, new Date(deadline.getTime() - 120_001))).toBe('ok');
    expect(urgencyOf(deadline, at(8))).toBe('due-soon');
    expect(urgencyOf(deadline, deadline)).toBe('due-soon');
    expect(urgencyOf(deadline, new Date(deadline.getTime() + 1))).toBe('overdue');
    expect(step([declared('urgent')], at(7)).urgency).toBe('ok');
    expect(step([declared('urgent')], at(9)).urgency).toBe('due-soon');
    expect(step([declared('urgent')], at(10.01)).urgency).toBe('overdue');
    expect(plan([declared('urgent')], at(10.01)).urgency).toBe('overdue');
    expect(plan([declared('urgent')], at(10.01)).clocks.find((c) => c.clock === 'notifyOwner')?.urgency).toBe(
      'overdue',
    );
  });

  it('uses the off-hours table on a Saturday and the site zone, not the machine zone', () => {
    const saturday = new Date('2025-03-08T10:00:00+08:00');
    const p = plan([declared('urgent', { base: saturday })], saturday);
    expect(p.deadlines.timeKind).toBe('off-hours');
    expect(p.steps[0]?.deadline).toEqual(at(60, saturday));

    // The same instant is Monday 21:00 in New York: staffed but after working hours there.
    const newYork = defaultPolicy();
    newYork.calendar.timeZone = 'America/New_York';
    expect(plan([declared('urgent')], T0, newYork).deadlines.timeKind).toBe('off-hours');
    expect(plan([declared('urgent')], T0, policy).deadlines.timeKind).toBe('working');
  });

  it('in no-service time, clocks start at opening; lower levels wait for it, higher ones call now', () => {
    const night = new Date('2025-03-04T02:00:00+08:00');
    const opening = new Date('2025-03-04T08:00:00+08:00');
    const serious = plan([declared('serious', { base: night })], night);
    expect(serious.deadlines.clockStart).toEqual(opening);
    expect(serious.deadlines.timeKind).toBe('off-hours');
    expect(serious.deferred).toBe(true);
    expect(serious.steps[0]?.status).toBe('deferred');
    expect(serious.next).toBeUndefined();
    // At opening the calls are due.
    expect(plan([declared('serious', { base: night })], opening).steps[0]?.status).toBe('to-call');

    const urgent = plan([declared('urgent', { base: night })], night);
    expect(urgent.deferred).toBe(false);
    expect(urgent.steps[0]?.status).toBe('to-call');
    expect(urgent.steps[0]?.deadline).toEqual(new Date(opening.getTime() + 60 * 60_000));
  });
});

describe('planEscalation: calling people', () => {
  it('waits for an acknowledgement, then retries the same person, then the next one (on duty first)', () => {
    const p = twoManagers();
    const log = [declared('urgent'), contact('incident.person-notified', 'manager-on', 'cs-manager', 0, 1)];
    expect(step(log, at(1), 0, p).people.map((x) => x.id)).toEqual(['manager-on', 'manager-off']);
    const waiting = step(log, at(5.9), 0, p);
    expect(waiting.status).toBe('waiting');
    expect(waiting.current).toMatchObject({
      person: { id: 'manager-on' },
      attempt: 1,
      cycle: 1,
      waitUntil: at(6),
    });

    // Five minutes without an answer: the same person again (one retry by default).
    const retry = step(log, at(6), 0, p);
    expect(retry.status).toBe('to-call');
    expect(retry.current).toMatchObject({ person: { id: 'manager-on' }, attempt: 2, cycle: 1 });
    expect(retry.attempts.map((a) => a.outcome)).toEqual(['timed-out']);

    const afterRetry = step(
      [...log, contact('incident.no-answer', 'manager-on', 'cs-manager', 0, 7)],
      at(7),
      0,
      p,
    );
    expect(afterRetry.current).toMatchObject({ person: { id: 'manager-off' }, attempt: 1, cycle: 1 });
  });

  it('runs the whole list chainCycles times, then reports the step exhausted', () => {
    const p = twoManagers();
    const log = [declared('urgent')];
    const seen: string[] = [];
    for (let i = 0; i < 8; i++) {
      const s = step(log, at(i), 0, p);
      seen.push(`${s.current?.person.id}#${s.current?.attempt}/${s.current?.cycle}`);
      log.push(contact('incident.no-answer', s.current?.person.id ?? '', 'cs-manager', 0, i + 0.5));
    }
    expect(seen).toEqual([
      'manager-on#1/1',
      'manager-on#2/1',
      'manager-off#1/1',
      'manager-off#2/1',
      'manager-on#1/2',
      'manager-on#2/2',
      'manager-off#1/2',
      'manager-off#2/2',
    ]);
    const done = plan(log, at(9), p);
    expect(done.steps[0]?.status).toBe('exhausted');
    expect(done.exhausted).toBe(true);
    expect(done.next?.step.index).not.toBe(0);
  });

  it('owes the command centre an alarm once a step is exhausted (red), until someone records it', () => {
    const p = twoManagers();
    const log = [declared('urgent')];
    expect(plan(log, at(1), p).commandCentre).toEqual({ state: 'none' });
    for (let i = 0; i < 8; i++) {
      const s = step(log, at(i), 0, p);
      log.push(contact('incident.no-answer', s.current?.person.id ?? '', 'cs-manager', 0, i + 0.5));
    }
    // Minute 9: no deadline has passed yet, but an exhausted chain is overdue by itself.
    const owed = plan(log, at(9), p);
    expect(owed.commandCentre).toEqual({ state: 'owed' });
    expect(owed.urgency).toBe('overdue');

    const alerted = [
      ...log,
      ev('incident.command-centre-alerted', { level: 'urgent', step: 0 }, { minutes: 9.5 }),
    ];
    const after = plan(alerted, at(10), p);
    expect(after.commandCentre).toEqual({ state: 'alerted', at: at(9.5), by: '王芳', seat: 'A-01' });
    expect(after.urgency).not.toBe('overdue');
    // A late call-back still settles the step.
    const called = [...alerted, contact('incident.acknowledged', 'manager-off', 'cs-manager', 0, 11)];
    expect(step(called, at(12), 0, p).status).toBe('acknowledged');

    // Raising the level starts a new round: the alert of the old level does not count for it.
    const raised = [
      ...alerted,
      ev('incident.level-changed', { from: 'urgent', to: 'major', reason: 'worse' }, { minutes: 10 }),
    ];
    expect(plan(raised, at(11), p).commandCentre).toEqual({ state: 'none' });
  });

  it('settles a step on acknowledgement, then reminds every 30 minutes while open', () => {
    const log = [
      declared('urgent'),
      contact('incident.person-notified', 'example-cs-manager', 'cs-manager', 0, 2),
      contact('incident.acknowledged', 'example-cs-manager', 'cs-manager', 0, 3),
    ];
    const s = step(log, at(11), 0);
    expect(s.status).toBe('acknowledged');
    expect(s.acknowledgedBy).toEqual({ personId: 'example-cs-manager', at: at(3) });
    // Past the deadline, but met: not overdue.
    expect(s.urgency).toBe('ok');
    expect(s.attempts.map((a) => a.outcome)).toEqual(['acknowledged']);
    expect(s.remindAt).toEqual(at(33));
    expect(step(log, at(32.9), 0).remindDue).toBe(false);
    expect(step(log, at(33), 0).remindDue).toBe(true);
    // "Notified" after the acknowledgement is the reminder: the next one is 30 minutes later.
    const reminded = [...log, contact('incident.person-notified', 'example-cs-manager', 'cs-manager', 0, 34)];
    expect(step(reminded, at(35), 0)).toMatchObject({ remindAt: at(64), remindDue: false });
    // The next person to call is now the one with the earliest deadline: report upward at +15.
    expect(plan(log, at(4)).next?.person.id).toBe('example-service-director');
    expect(plan(log, at(4)).clocks.find((c) => c.clock === 'notifyOwner')).toMatchObject({
      met: true,
      urgency: 'ok',
    });
  });

  it('credits a call to its step only when the role still matches (a changed policy)', () => {
    const log = [
      declared('urgent'),
      contact('incident.acknowledged', 'example-tech-lead', 'tech-lead', 0, 1),
    ];
    expect(step(log, at(2), 0).status).toBe('to-call');
  });

  it('shows a role nobody holds as unstaffed instead of failing', () => {
    const p = defaultPolicy();
    p.contacts.people = p.contacts.people.filter((x) => x.role !== 'service-director');
    const s = step([declared('urgent')], T0, 1, p);
    expect(s).toMatchObject({ role: 'service-director', status: 'unstaffed', people: [] });
  });

  it('stops asking once the incident is resolved', () => {
    const p = plan([declared('urgent'), ev('incident.resolved', {}, { minutes: 5 })], at(60));
    expect(p.steps.every((s) => s.status === 'closed' && s.urgency === 'ok')).toBe(true);
    expect(p.statusUpdate).toBeUndefined();
    expect(p.urgency).toBe('ok');
    expect(p.next).toBeUndefined();
  });
});

describe('planEscalation: level changes and status updates', () => {
  it('recomputes the chain and the clocks from the moment the level was raised', () => {
    const log = [
      declared('urgent'),
      contact('incident.acknowledged', 'example-cs-manager', 'cs-manager', 0, 2),
      ev('incident.level-changed', { from: 'urgent', to: 'major', reason: '扩大' }, { minutes: 20 }),
    ];
    const p = plan(log, at(21));
    expect(p.level).toBe('major');
    expect(p.deadlines.clockStart).toEqual(at(20));
    // 重大 in working hours: the owner within 5 min of the raise, upward within 10.
    expect(p.steps[0]).toMatchObject({ role: 'cs-manager', status: 'to-call', deadline: at(25) });
    expect(p.steps.map((s) => s.role)).toContain('executive-vp');
    expect(p.steps).toHaveLength(policy.escalation.chains['major']?.length ?? 0);
  });

  it('owes a status update one period after the level took effect, then after each update', () => {
    const log = [declared('urgent')];
    expect(plan(log, at(1)).statusUpdate).toEqual({ everyMinutes: 30, dueAt: at(30), urgency: 'ok' });
    expect(plan(log, at(29)).statusUpdate?.urgency).toBe('due-soon');
    expect(plan(log, at(31)).statusUpdate?.urgency).toBe('overdue');
    const updated = [
      ...log,
      ev('incident.note', { text: '仍在恢复', statusUpdate: true }, { minutes: 20 }),
      ev('incident.note', { text: 'just a remark' }, { minutes: 25 }),
    ];
    expect(plan(updated, at(31)).statusUpdate).toMatchObject({ dueAt: at(50), urgency: 'ok' });
    // 重大 updates every 15 minutes.
    expect(plan([declared('major')], T0).statusUpdate?.everyMinutes).toBe(15);
  });
});
