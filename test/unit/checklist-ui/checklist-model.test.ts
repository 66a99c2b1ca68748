import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_TEMPLATES,
  SCRIPT_SNIPPETS,
  deriveChecklist,
  type ChecklistTemplate,
} from '@shared/checklists';
import type { IncidentState } from '@shared/incidents';
import {
  chooseIncident,
  duration,
  moveFocus,
  searchSnippets,
  signature,
  stepAlerts,
  templateFor,
  UNSIGNED,
} from '../../../src/renderer/features/checklist/checklist-model';

const DECLARED = '2025-03-04T02:00:00.000Z';
const minutes = (m: number) => new Date(Date.parse(DECLARED) + m * 60_000);
const appFailure = BUILT_IN_TEMPLATES.find((t) => t.id === 'application-failure') as ChecklistTemplate;

function incident(id: string, status: 'open' | 'resolved', at: string): IncidentState {
  return {
    id,
    status,
    scenario: 'application-failure',
    templateId: 'application-failure',
    templateVersion: 1,
    declared: { author: '', seat: '', at },
  } as IncidentState;
}

describe('which incident the checklist shows', () => {
  // deriveIncidents lists the most recently declared first.
  const list = [
    incident('c', 'resolved', '2025-03-04T03:00:00Z'),
    incident('b', 'open', '2025-03-04T02:30:00Z'),
    incident('a', 'open', '2025-03-04T02:00:00Z'),
  ];
  it('defaults to the most recently declared open incident, not a newer resolved one', () => {
    expect(chooseIncident(list, null)?.id).toBe('b');
  });
  it('keeps the one the lead chose, and falls back when it is gone', () => {
    expect(chooseIncident(list, 'a')?.id).toBe('a');
    expect(chooseIncident(list, 'gone')?.id).toBe('b');
  });
  it('shows the latest resolved incident when none is open, and nothing when there is none', () => {
    expect(chooseIncident([list[0] as IncidentState], null)?.id).toBe('c');
    expect(chooseIncident([], null)).toBeUndefined();
  });
});

describe('the template an incident ran', () => {
  const v2: ChecklistTemplate = { ...appFailure, version: 2, title: { zh: '新版', en: 'New' } };
  const known = [...BUILT_IN_TEMPLATES, v2];
  it('is the version recorded at declaration, even when a newer one exists', () => {
    const choice = templateFor(known, incident('a', 'open', DECLARED));
    expect(choice).toMatchObject({ exact: true, template: { id: 'application-failure', version: 1 } });
  });
  it('falls back to the newest version, flagged, when the recorded one is not on this seat', () => {
    const choice = templateFor([...BUILT_IN_TEMPLATES.filter((t) => t !== appFailure), v2], {
      scenario: 'application-failure',
      templateId: 'application-failure',
      templateVersion: 1,
    });
    expect(choice).toMatchObject({ exact: false, template: { version: 2 } });
  });
  it('is the copy recorded in the declaration when there is one, even if this seat never had that version', () => {
    const v3: ChecklistTemplate = { ...appFailure, version: 3, title: { zh: '第三版', en: 'Third' } };
    const choice = templateFor(BUILT_IN_TEMPLATES, {
      scenario: 'application-failure',
      templateId: 'application-failure',
      templateVersion: 3,
      template: v3,
    });
    expect(choice).toEqual({ exact: true, template: v3 });
  });
  it('is none for a site scenario without any template', () => {
    expect(templateFor(known, { scenario: 'site-own', templateId: 'site-own', templateVersion: 1 })).toBe(
      undefined,
    );
  });
});

describe('keyboard movement between steps', () => {
  const ids = ['a', 'b', 'c'];
  it('moves down and up and stops at the ends', () => {
    expect(moveFocus(ids, 'a', 1)).toBe('b');
    expect(moveFocus(ids, 'b', -1)).toBe('a');
    expect(moveFocus(ids, 'c', 1)).toBe('c');
    expect(moveFocus(ids, 'a', -1)).toBe('a');
  });
  it('enters the list from the top (↓) or the bottom (↑), and does nothing on an empty list', () => {
    expect(moveFocus(ids, null, 1)).toBe('a');
    expect(moveFocus(ids, 'gone', -1)).toBe('c');
    expect(moveFocus([], null, 1)).toBeNull();
  });
});

describe('desktop notifications for steps', () => {
  const at = (m: number) =>
    deriveChecklist(appFailure, { declaredAt: DECLARED, now: minutes(m), events: [] });
  it('announces a step once it is due within 2 minutes, then once overdue, with distinct keys', () => {
    expect(stepAlerts('i1', at(2)).map((a) => a.stepId)).toEqual([]);
    const soon = stepAlerts('i1', at(3.5));
    expect(soon).toEqual([expect.objectContaining({ stepId: 'report-supervisor', urgency: 'due-soon' })]);
    const late = stepAlerts('i1', at(5.1));
    expect(late).toEqual([expect.objectContaining({ stepId: 'report-supervisor', urgency: 'overdue' })]);
    expect(late[0]?.key).not.toBe(soon[0]?.key);
  });
  it('includes the conditional step that appeared already overdue, and leaves done steps alone', () => {
    const at10 = stepAlerts('i1', at(10.1)).map((a) => a.stepId);
    expect(at10).toEqual(['report-supervisor', 'notify-operations-vp']);
    const done = deriveChecklist(appFailure, {
      declaredAt: DECLARED,
      now: minutes(10.1),
      events: [
        {
          id: 'e1',
          type: 'checklist.step-checked',
          payload: {
            stepId: 'report-supervisor',
            by: '王芳',
            seat: 'A-01',
            at: minutes(4).toISOString(),
            hlc: `${String(minutes(4).getTime()).padStart(15, '0')}-0000-seat1`,
          },
        },
      ],
    });
    expect(stepAlerts('i1', done).map((a) => a.stepId)).toEqual(['notify-operations-vp']);
  });
  it('announces each round of a repeating status update', () => {
    const first = stepAlerts('i1', at(60.5)).find((a) => a.stepId === 'status-update');
    expect(first).toMatchObject({ urgency: 'overdue', deadline: minutes(60).toISOString() });
  });
});

describe('script search', () => {
  const ids = (query: string, locale: 'zh-CN' | 'en' = 'zh-CN') =>
    searchSnippets(SCRIPT_SNIPPETS, query, locale).map((s) => s.id);
  it('lists everything for an empty query, in knowledge-base order', () => {
    expect(ids('  ')).toEqual(SCRIPT_SNIPPETS.map((s) => s.id));
  });
  it('finds Chinese and English text and tags whatever the screen language, every word required', () => {
    expect(ids('投诉')).toEqual(['complaint-received', 'follow-up-promise']);
    expect(ids('投诉', 'en')).toEqual(['complaint-received', 'follow-up-promise']);
    expect(ids('MEDIA decline')).toEqual(['media-decline']);
    expect(ids('媒体 采访')).toEqual(['media-decline']);
    expect(ids('abusive-call')).toEqual(['abusive-call']);
    expect(ids('nothing like this')).toEqual([]);
  });
});

describe('small helpers', () => {
  it('signs with the agent, else the seat, else an unsigned mark', () => {
    expect(signature(' 王芳 ', 'A-01')).toBe('王芳');
    expect(signature('', 'A-01')).toBe('A-01');
    expect(signature(' ', '')).toBe(UNSIGNED);
  });
  it('states clocks in the largest whole unit', () => {
    expect(duration(4320)).toEqual({ count: 3, unit: 'days' });
    expect(duration(60)).toEqual({ count: 1, unit: 'hours' });
    expect(duration(90)).toEqual({ count: 90, unit: 'minutes' });
    expect(duration(0)).toEqual({ count: 0, unit: 'minutes' });
  });
});
