import { describe, expect, it } from 'vitest';
import { encodeHlc } from '@shared/sync/hlc';
import { BUILT_IN_TEMPLATES, deriveChecklist, pickTemplate } from '@shared/checklists';
import { checklistEventsOf, deriveIncident, deriveIncidents } from '@shared/incidents/derive';
import { at, contact, declared, ev, INCIDENT, OTHER, T0 } from './helpers';

describe('deriveIncidents', () => {
  it('derives the same state from any order and any duplicates', () => {
    const log = [
      declared('serious'),
      ev('incident.level-changed', { from: 'serious', to: 'urgent', reason: '投诉增加' }, { minutes: 5 }),
      ev(
        'incident.role-assigned',
        { role: 'owner', personId: 'example-cs-manager', name: '李经理' },
        { minutes: 6 },
      ),
      ev('incident.statement-issued', { text: '系统维护中' }, { minutes: 7 }),
      ev('incident.note', { text: 'UPS on battery', source: 'power' }, { minutes: 8 }),
    ];
    const forward = deriveIncidents(log);
    const shuffled = deriveIncidents(
      [log[3], log[0], log[4], log[1], log[2], log[1], log[3]].filter((e) => e !== undefined),
    );
    expect(shuffled).toEqual(forward);
    const state = forward[0];
    expect(state).toMatchObject({
      id: INCIDENT,
      scenario: 'application-failure',
      level: 'urgent',
      levelSince: at(5).toISOString(),
      status: 'open',
      roles: { owner: { personId: 'example-cs-manager', name: '李经理' } },
      statement: { text: '系统维护中' },
    });
    expect(state?.levelChanges).toHaveLength(1);
    expect(state?.notes).toEqual([
      expect.objectContaining({ text: 'UPS on battery', source: 'power', statusUpdate: false }),
    ]);
    expect(state?.events).toHaveLength(5);
  });

  it('keeps several incidents apart, newest declaration first', () => {
    const states = deriveIncidents([
      declared('general'),
      declared('major', { incidentId: OTHER, minutes: 30 }),
      ev('incident.resolved', {}, { minutes: 40 }),
    ]);
    expect(states.map((s) => [s.id, s.level, s.status])).toEqual([
      [OTHER, 'major', 'open'],
      [INCIDENT, 'general', 'resolved'],
    ]);
    expect(
      deriveIncident(
        states.flatMap((s) => s.events),
        OTHER,
      )?.level,
    ).toBe('major');
  });

  it('orders by HLC, not by arrival or wall clock: the later HLC wins a concurrent change', () => {
    const a = ev(
      'incident.role-assigned',
      { role: 'scribe', personId: 'a', name: 'A' },
      { minutes: 10, hlcAt: 11 },
    );
    const b = ev(
      'incident.role-assigned',
      { role: 'scribe', personId: 'b', name: 'B' },
      { minutes: 12, hlcAt: 10 },
    );
    expect(deriveIncidents([declared(), b, a])[0]?.roles.scribe?.personId).toBe('a');
  });

  it('holds back events whose declaration has not arrived yet', () => {
    const note = ev('incident.note', { text: 'early' }, { minutes: 1 });
    expect(deriveIncidents([note])).toEqual([]);
    expect(deriveIncidents([note, declared()])[0]?.notes).toHaveLength(1);
  });

  it('resolves and reopens in log order', () => {
    const log = [declared(), ev('incident.resolved', {}, { minutes: 20 })];
    expect(deriveIncidents(log)[0]).toMatchObject({ status: 'resolved', resolvedAt: at(20).toISOString() });
    const reopened = deriveIncidents([
      ...log,
      ev('incident.reopened', { reason: '又出现' }, { minutes: 25 }),
    ])[0];
    expect(reopened?.status).toBe('open');
    expect(reopened?.resolvedAt).toBeUndefined();
  });

  it('starts a new escalation round at each level change: earlier calls do not count', () => {
    const state = deriveIncidents([
      declared('urgent'),
      contact('incident.acknowledged', 'example-cs-manager', 'cs-manager', 0, 2),
      ev('incident.level-changed', { from: 'urgent', to: 'major', reason: '扩大' }, { minutes: 5 }),
      // Another seat's call on the old level, recorded after the raise: still the old round.
      contact('incident.person-notified', 'example-tech-lead', 'tech-lead', 2, 6, 'urgent'),
      contact('incident.person-notified', 'example-cs-manager', 'cs-manager', 0, 7, 'major'),
    ])[0];
    expect(state?.contacts.map((c) => [c.type, c.payload.level])).toEqual([
      ['incident.person-notified', 'major'],
    ]);
  });

  it('keeps the final grade', () => {
    const state = deriveIncidents([
      declared(),
      ev(
        'incident.final-graded',
        {
          level: 'serious',
          availabilityHours: 0.75,
          lossCny: 0,
          complaintLevel: null,
          decidingCriterion: 'availability',
          reasons: ['availability 0.75h > 0.5h -> serious'],
        },
        { minutes: 90 },
      ),
    ])[0];
    expect(state?.finalGrade).toMatchObject({ level: 'serious', decidingCriterion: 'availability' });
  });

  it('feeds the checklist derivation from the same log', () => {
    const template = pickTemplate(BUILT_IN_TEMPLATES, 'application-failure');
    if (!template) throw new Error('no template');
    const state = deriveIncidents([
      declared(),
      ev(
        'checklist.step-checked',
        {
          stepId: 'report-supervisor',
          by: '王芳',
          seat: 'A-01',
          at: at(3).toISOString(),
          hlc: encodeHlc({ millis: at(3).getTime(), counter: 0, node: 'seat1' }),
        },
        { minutes: 3 },
      ),
    ])[0];
    const checklist = deriveChecklist(template, {
      declaredAt: T0,
      now: at(4),
      events: checklistEventsOf(state?.events ?? []),
    });
    expect(checklist.steps.find((s) => s.step.id === 'report-supervisor')?.state).toBe('done');
  });
});
