import { describe, expect, it } from 'vitest';
import type { ChecklistTemplate } from '@shared/checklists';
import {
  BUILT_IN_TEMPLATES,
  deriveChecklist,
  pickTemplate,
  type ChecklistEvent,
  type DerivedChecklist,
} from '@shared/checklists';
import { DECLARED, at, callIn, checked, note, permutations, skipped, unchecked } from './helpers';

function builtIn(scenarioId: string): ChecklistTemplate {
  const template = pickTemplate(BUILT_IN_TEMPLATES, scenarioId);
  if (!template) throw new Error(`no template for ${scenarioId}`);
  return template;
}

function stepOf(checklist: DerivedChecklist, id: string) {
  const found = checklist.steps.find((s) => s.step.id === id);
  if (!found) throw new Error(`no step ${id}`);
  return found;
}

const appFailure = builtIn('application-failure');

function derive(minute: number, events: ChecklistEvent[] = [], resolvedMinute?: number, agentCount?: number) {
  return deriveChecklist(appFailure, {
    declaredAt: DECLARED,
    now: at(minute),
    resolvedAt: resolvedMinute === undefined ? undefined : at(resolvedMinute),
    events,
    agentCount,
  });
}

describe('conditional steps (application failure)', () => {
  it('hides "notify the VP" at 9 min and shows it at 10 min while not resolved', () => {
    const at9 = stepOf(derive(9), 'notify-operations-vp');
    expect(at9.visible).toBe(false);
    expect(at9.appearsAt).toBe(at(10));
    expect(stepOf(derive(10), 'notify-operations-vp').visible).toBe(true);
  });

  it('never shows it if the incident was resolved at 8 min', () => {
    for (const minute of [9, 10, 11, 60, 600]) {
      const s = stepOf(derive(minute, [], 8), 'notify-operations-vp');
      expect(s.visible, `at ${minute}`).toBe(false);
      expect(s.appearsAt).toBeUndefined();
    }
  });

  it('treats resolution at exactly 10 min as recovered in time', () => {
    expect(stepOf(derive(15, [], 10), 'notify-operations-vp').visible).toBe(false);
  });

  it('stays visible after a resolution at 20 min, since it did appear at 10', () => {
    expect(stepOf(derive(30, [], 20), 'notify-operations-vp').visible).toBe(true);
  });

  it('ignores a resolution later than now (replaying the timeline)', () => {
    const s = stepOf(derive(12, [], 30), 'notify-operations-vp');
    expect(s.visible).toBe(true);
  });

  it('shows "consider the vendor" at 60 min only', () => {
    expect(stepOf(derive(59), 'consider-vendor').visible).toBe(false);
    expect(stepOf(derive(60), 'consider-vendor').visible).toBe(true);
    expect(stepOf(derive(61, [], 45), 'consider-vendor').visible).toBe(false);
  });

  it('keeps a step someone already acted on visible even if it would be hidden', () => {
    const early = checked({ id: 'e1', stepId: 'notify-operations-vp', minute: 3 });
    expect(stepOf(derive(5, [early]), 'notify-operations-vp')).toMatchObject({
      visible: true,
      state: 'done',
    });
  });
});

describe('deadlines', () => {
  it('gives due time and time left, then overdue after 5 min', () => {
    const at3 = stepOf(derive(3), 'report-supervisor');
    expect(at3).toMatchObject({ dueAt: at(5), overdue: false, msLeft: 2 * 60_000, state: 'pending' });
    expect(stepOf(derive(5), 'report-supervisor')).toMatchObject({ overdue: false, msLeft: 0 });
    expect(stepOf(derive(6), 'report-supervisor')).toMatchObject({ overdue: true, msLeft: -60_000 });
  });

  it('is never overdue once done or skipped', () => {
    const done = checked({ id: 'e1', stepId: 'report-supervisor', minute: 7 });
    expect(stepOf(derive(20, [done]), 'report-supervisor')).toMatchObject({
      state: 'done',
      overdue: false,
      msLeft: undefined,
    });
  });

  it('is never overdue while hidden', () => {
    const hidden = stepOf(derive(30, [], 8), 'notify-operations-vp');
    expect(hidden.overdue).toBe(false);
  });

  it('has no deadline for untimed steps', () => {
    expect(stepOf(derive(500), 'notify-it')).toMatchObject({
      dueAt: undefined,
      overdue: false,
      msLeft: undefined,
    });
  });

  it('counts a data-centre report from the resolution: 3 days after the close', () => {
    const leak = builtIn('dc-water-leak');
    const open = deriveChecklist(leak, { declaredAt: DECLARED, now: at(100), events: [] });
    expect(stepOf(open, 'written-report')).toMatchObject({ visible: true, dueAt: undefined, overdue: false });
    const closed = deriveChecklist(leak, {
      declaredAt: DECLARED,
      now: at(120 + 4321),
      resolvedAt: at(120),
      events: [],
    });
    expect(stepOf(closed, 'written-report')).toMatchObject({ dueAt: at(120 + 4320), overdue: true });
  });
});

describe('repeating status updates', () => {
  it('is first due one period after the declaration', () => {
    const s = stepOf(derive(30), 'status-update');
    expect(s).toMatchObject({ dueAt: at(60), nextRepeatDueAt: at(60), overdue: false, rounds: 0 });
    expect(stepOf(derive(61), 'status-update').overdue).toBe(true);
  });

  it('counts the next update from the last one, and is owed again when that time comes', () => {
    const first = checked({ id: 'u1', stepId: 'status-update', minute: 70 });
    const afterFirst = stepOf(derive(80, [first]), 'status-update');
    expect(afterFirst).toMatchObject({ state: 'done', nextRepeatDueAt: at(130), overdue: false, rounds: 1 });

    expect(stepOf(derive(130, [first]), 'status-update')).toMatchObject({ state: 'pending', overdue: false });
    expect(stepOf(derive(131, [first]), 'status-update')).toMatchObject({ state: 'pending', overdue: true });

    const second = checked({ id: 'u2', stepId: 'status-update', minute: 125 });
    expect(stepOf(derive(150, [second, first]), 'status-update')).toMatchObject({
      state: 'done',
      nextRepeatDueAt: at(185),
      rounds: 2,
    });
  });

  it('stops once the incident is resolved or the step is skipped', () => {
    expect(stepOf(derive(200, [], 90), 'status-update')).toMatchObject({
      nextRepeatDueAt: undefined,
      overdue: false,
    });
    const skip = skipped({ id: 's', stepId: 'status-update', minute: 20, reason: 'Command centre dials in' });
    expect(stepOf(derive(200, [skip]), 'status-update')).toMatchObject({
      state: 'skipped',
      nextRepeatDueAt: undefined,
      overdue: false,
    });
  });
});

describe('check, uncheck and skip', () => {
  const check = checked({ id: 'c1', stepId: 'notify-it', minute: 2, node: 'seat-a' });
  const uncheck = unchecked({ id: 'u1', stepId: 'notify-it', minute: 3, node: 'seat-b', by: 'Zhao Min' });

  it('last writer by hlc wins, whatever the arrival order', () => {
    for (const order of permutations([check, uncheck])) {
      expect(stepOf(derive(4, order), 'notify-it')).toMatchObject({
        state: 'pending',
        lastChange: { type: 'checklist.step-unchecked', by: 'Zhao Min', seat: 'seat-b', eventId: 'u1' },
      });
    }
    const recheck = checked({ id: 'c2', stepId: 'notify-it', minute: 4, node: 'seat-c' });
    for (const order of permutations([check, uncheck, recheck])) {
      expect(stepOf(derive(5, order), 'notify-it')).toMatchObject({
        state: 'done',
        lastChange: { eventId: 'c2' },
      });
    }
  });

  it('orders same-millisecond events by the HLC counter, then node, not by arrival', () => {
    const a = checked({ id: 'x1', stepId: 'notify-it', minute: 2, counter: 2, node: 'seat-a' });
    const b = unchecked({ id: 'x2', stepId: 'notify-it', minute: 2, counter: 1, node: 'seat-z' });
    for (const order of permutations([a, b]))
      expect(stepOf(derive(4, order), 'notify-it').state).toBe('done');
    const c = unchecked({ id: 'x3', stepId: 'notify-it', minute: 2, counter: 2, node: 'seat-b' });
    for (const order of permutations([a, c]))
      expect(stepOf(derive(4, order), 'notify-it').state).toBe('pending');
  });

  it('counts a duplicated event once', () => {
    const round = checked({ id: 'u1', stepId: 'status-update', minute: 70 });
    const s = stepOf(derive(80, [round, round, { ...round }]), 'status-update');
    expect(s.rounds).toBe(1);
    const n = note({ id: 'n1', stepId: 'notify-it', minute: 2, text: 'IT on the way' });
    expect(stepOf(derive(3, [n, n]), 'notify-it').notes).toHaveLength(1);
  });

  it('a duplicate delivered later does not resurrect an overwritten state', () => {
    const events = [check, uncheck, check];
    expect(stepOf(derive(4, events), 'notify-it').state).toBe('pending');
  });

  it('records a skip with its reason and who skipped it', () => {
    const skip = skipped({
      id: 's1',
      stepId: 'public-notice',
      minute: 12,
      reason: 'No customer impact',
      by: 'Li Na',
    });
    const s = stepOf(derive(40, [skip]), 'public-notice');
    expect(s).toMatchObject({
      state: 'skipped',
      skipReason: 'No customer impact',
      overdue: false,
      lastChange: { by: 'Li Na', at: at(12) },
    });
    const undo = unchecked({ id: 'u9', stepId: 'public-notice', minute: 13 });
    expect(stepOf(derive(40, [undo, skip]), 'public-notice')).toMatchObject({
      state: 'pending',
      skipReason: undefined,
      overdue: true,
    });
  });

  it('keeps notes in hlc order with their authors', () => {
    const n2 = note({
      id: 'n2',
      stepId: 'notify-it',
      minute: 5,
      text: 'Remote session open',
      node: 'seat-b',
    });
    const n1 = note({ id: 'n1', stepId: 'notify-it', minute: 2, text: 'Called 8001', node: 'seat-a' });
    expect(stepOf(derive(6, [n2, n1]), 'notify-it').notes.map((n) => [n.text, n.seat])).toEqual([
      ['Called 8001', 'seat-a'],
      ['Remote session open', 'seat-b'],
    ]);
  });

  it('ignores events for steps this template version does not have', () => {
    const stray = checked({ id: 'z', stepId: 'no-such-step', minute: 1 });
    const result = derive(2, [stray]);
    expect(result.ignoredEvents).toBe(1);
    expect(result.progress.done).toBe(0);
  });

  it('gives the same checklist for every arrival order of a mixed log', () => {
    const events = [
      check,
      uncheck,
      checked({ id: 'c3', stepId: 'report-supervisor', minute: 4 }),
      skipped({ id: 's2', stepId: 'public-notice', minute: 6, reason: 'Internal only' }),
      note({ id: 'n3', stepId: 'report-supervisor', minute: 5, text: 'Told Mr Chen' }),
    ];
    const expected = derive(20, events);
    for (const order of permutations(events)) expect(derive(20, order)).toEqual(expected);
  });
});

describe('progress', () => {
  it('is (done + skipped) / visible steps', () => {
    const events = [
      checked({ id: 'a', stepId: 'log-symptom', minute: 1 }),
      checked({ id: 'b', stepId: 'notify-it', minute: 1 }),
      skipped({ id: 'c', stepId: 'public-notice', minute: 2, reason: 'No customer impact' }),
    ];
    const at5 = derive(5, events);
    // 13 steps, two of them (VP at 10, vendor at 60) not yet shown.
    expect(at5.progress).toEqual({ done: 2, skipped: 1, visible: 11, ratio: 3 / 11 });
    expect(derive(10, events).progress.visible).toBe(12);
  });
});

describe('surge call-in', () => {
  const surge = builtIn('call-surge');
  const confirm = (id: string, person: string, minute: number, node = 'seat-a') =>
    callIn({ id, stepId: 'tier-2-call-in', minute, person, node });

  it('tracks "4 of 6 confirmed" with 60 agents on the roster', () => {
    const events = [
      confirm('p1', 'Chen Jing', 31),
      confirm('p2', 'Liu Yang', 32),
      confirm('p3', 'Sun Hao', 33, 'seat-b'),
      confirm('p4', 'Zhou Fang', 34),
    ];
    const result = deriveChecklist(surge, { declaredAt: DECLARED, now: at(40), events, agentCount: 60 });
    const s = stepOf(result, 'tier-2-call-in');
    expect(s.visible).toBe(true);
    expect(s.callIn).toMatchObject({ pool: 6, confirmed: 4, complete: false });
    expect(s.callIn?.people.map((p) => p.person)).toEqual(['Chen Jing', 'Liu Yang', 'Sun Hao', 'Zhou Fang']);
  });

  it('counts one person once, even confirmed from two seats with different spacing or case', () => {
    const events = [confirm('p1', 'Chen Jing', 31), confirm('p2', '  chen  jing ', 32, 'seat-b')];
    const s = stepOf(
      deriveChecklist(surge, { declaredAt: DECLARED, now: at(40), events, agentCount: 60 }),
      'tier-2-call-in',
    );
    expect(s.callIn).toMatchObject({ confirmed: 1, people: [{ person: 'Chen Jing', eventId: 'p1' }] });
  });

  it('rounds the pool up and completes when enough have confirmed', () => {
    const events = ['A', 'B', 'C', 'D', 'E', 'F'].map((p, i) => confirm(`p${i}`, p, 31 + i));
    const s = stepOf(
      deriveChecklist(surge, { declaredAt: DECLARED, now: at(45), events, agentCount: 55 }),
      'tier-2-call-in',
    );
    expect(s.callIn).toMatchObject({ pool: 6, confirmed: 6, complete: true });
  });

  it('has no target when the agent count is unknown', () => {
    const s = stepOf(
      deriveChecklist(surge, { declaredAt: DECLARED, now: at(45), events: [] }),
      'tier-2-call-in',
    );
    expect(s.callIn).toEqual({ pool: undefined, confirmed: 0, people: [], complete: false });
  });

  it('does not show tier 2 before 30 min or if the surge was under control by then', () => {
    expect(
      stepOf(deriveChecklist(surge, { declaredAt: DECLARED, now: at(29), events: [] }), 'tier-2-call-in')
        .visible,
    ).toBe(false);
    const calmed = deriveChecklist(surge, {
      declaredAt: DECLARED,
      now: at(45),
      resolvedAt: at(25),
      events: [],
    });
    expect(stepOf(calmed, 'tier-2-call-in').visible).toBe(false);
  });
});

describe('input times', () => {
  it('accepts Date and epoch milliseconds as well as ISO strings', () => {
    const fromIso = derive(7);
    const fromDate = deriveChecklist(appFailure, {
      declaredAt: new Date(DECLARED),
      now: new Date(at(7)),
      events: [],
    });
    const fromMs = deriveChecklist(appFailure, {
      declaredAt: Date.parse(DECLARED),
      now: Date.parse(at(7)),
      events: [],
    });
    expect(fromDate).toEqual(fromIso);
    expect(fromMs).toEqual(fromIso);
  });

  it('refuses an unreadable time rather than computing nonsense', () => {
    expect(() => deriveChecklist(appFailure, { declaredAt: 'yesterday', now: at(1), events: [] })).toThrow(
      RangeError,
    );
  });
});
