import { describe, expect, it } from 'vitest';
import { encodeHlc } from '@shared/sync/hlc';
import {
  DeclaredPayload,
  FinalGradedPayload,
  IncidentEvent,
  INCIDENT_EVENT_TYPES,
  LevelChangedPayload,
  parseIncidentEvents,
} from '@shared/incidents/events';
import { CHECKLIST_EVENT_TYPES } from '@shared/checklists/events';
import { declared, ev } from './helpers';

const base = {
  scenario: 'fire',
  level: 'major',
  description: '',
  templateId: 'fire',
  templateVersion: 1,
  suggestedLevel: 'serious',
  suggestionReasons: ['login-failure ordinary 5/h in band 5-10 -> serious'],
};

describe('incident events', () => {
  it('asks for a reason when the declared level is not the suggested one', () => {
    const refused = DeclaredPayload.safeParse(base);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]).toMatchObject({
      path: ['overrideReason'],
      message: 'a level other than the suggested one needs a reason',
    });
    expect(DeclaredPayload.safeParse({ ...base, overrideReason: 'Smoke in the hall' }).success).toBe(true);
    expect(DeclaredPayload.safeParse({ ...base, level: 'serious' }).success).toBe(true);
    // Nothing suggested (a fire raises no complaints): any level, no reason needed.
    expect(DeclaredPayload.safeParse({ ...base, suggestedLevel: null }).success).toBe(true);
    // A reason of blanks is no reason.
    expect(DeclaredPayload.safeParse({ ...base, overrideReason: '   ' }).success).toBe(false);
  });

  it('refuses a level change that changes nothing or gives no reason', () => {
    expect(LevelChangedPayload.safeParse({ from: 'urgent', to: 'urgent', reason: 'x' }).success).toBe(false);
    expect(LevelChangedPayload.safeParse({ from: 'urgent', to: 'major', reason: '' }).success).toBe(false);
    expect(LevelChangedPayload.safeParse({ from: 'urgent', to: 'major', reason: '扩散到全国' }).success).toBe(
      true,
    );
  });

  it('defines the final grade with its inputs and deciding criterion', () => {
    const grade = {
      level: 'urgent',
      availabilityHours: 1.5,
      lossCny: 20_000,
      complaintLevel: null,
      decidingCriterion: 'availability',
      reasons: ['availability 1.5h > 1h -> urgent'],
    };
    expect(FinalGradedPayload.parse(grade)).toEqual(grade);
    expect(FinalGradedPayload.safeParse({ ...grade, lossCny: -1 }).success).toBe(false);
    expect(FinalGradedPayload.safeParse({ ...grade, decidingCriterion: 'vibes' }).success).toBe(false);
    expect(FinalGradedPayload.safeParse({ level: 'urgent' }).success).toBe(false);
  });

  it('carries the checklist events as the checklist module defines them', () => {
    for (const type of CHECKLIST_EVENT_TYPES) expect(INCIDENT_EVENT_TYPES).toContain(type);
    const checked = ev('checklist.step-checked', {
      stepId: 'notify-it',
      by: '王芳',
      seat: 'A-01',
      at: '2025-03-04T02:00:00.000Z',
      hlc: encodeHlc({ millis: Date.parse('2025-03-04T02:00:00.000Z'), counter: 0, node: 'seat1' }),
    });
    expect(checked.type).toBe('checklist.step-checked');
  });

  it('is a self-contained row: envelope, type and payload, nothing else', () => {
    const row = declared();
    expect(Object.keys(row).sort()).toEqual(
      ['author', 'hlc', 'id', 'incidentId', 'occurredAt', 'payload', 'recordedAt', 'seat', 'type'].sort(),
    );
    expect(IncidentEvent.safeParse({ ...row, extra: 1 }).success).toBe(false);
    expect(IncidentEvent.safeParse({ ...row, id: 'not-a-uuid' }).success).toBe(false);
    expect(IncidentEvent.safeParse({ ...row, syncedAt: '2025-03-04T02:00:00.000Z' }).success).toBe(true);
  });

  it('reads rows one by one: a bad row is reported, the others kept', () => {
    const good = declared();
    const { events, problems } = parseIncidentEvents([good, { ...good, type: 'incident.teleported' }, null]);
    expect(events).toEqual([good]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^event 1: /);
  });
});
