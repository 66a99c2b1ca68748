import { describe, expect, it } from 'vitest';
import {
  CHECKLIST_EVENT_PAYLOADS,
  CHECKLIST_EVENT_TYPES,
  ChecklistEvent,
  StepSkippedPayload,
  isChecklistEventType,
} from '@shared/checklists';
import { callIn, checked, note, skipped, unchecked } from './helpers';

describe('checklist events', () => {
  const samples = [
    checked({ id: 'a', stepId: 'notify-it', minute: 1 }),
    unchecked({ id: 'b', stepId: 'notify-it', minute: 2 }),
    skipped({ id: 'c', stepId: 'notify-it', minute: 3, reason: 'IT already here' }),
    note({ id: 'd', stepId: 'notify-it', minute: 4, text: 'Ext. 8001' }),
    callIn({ id: 'e', stepId: 'tier-2-call-in', minute: 31, person: 'Chen Jing' }),
  ];

  it('parses one sample of every type, against the envelope and the per-type payload schema', () => {
    expect(samples.map((s) => s.type)).toEqual([...CHECKLIST_EVENT_TYPES]);
    for (const sample of samples) {
      expect(ChecklistEvent.parse(sample)).toEqual(sample);
      expect(CHECKLIST_EVENT_PAYLOADS[sample.type].parse(sample.payload)).toEqual(sample.payload);
      expect(isChecklistEventType(sample.type)).toBe(true);
    }
    expect(isChecklistEventType('incident.declared')).toBe(false);
  });

  it('requires a reason to skip', () => {
    const [, , skip] = samples;
    expect(StepSkippedPayload.safeParse({ ...skip?.payload, reason: '  ' }).success).toBe(false);
  });

  it('refuses a payload without an HLC, a bad time, or an unknown field', () => {
    const [check] = samples;
    if (!check) throw new Error('no sample');
    const bad = [
      { ...check.payload, hlc: '12:00' },
      { ...check.payload, at: 'today' },
      { ...check.payload, by: '' },
      { ...check.payload, stepId: 'Notify IT' },
      { ...check.payload, extra: true },
    ];
    for (const payload of bad) expect(ChecklistEvent.safeParse({ ...check, payload }).success).toBe(false);
  });
});
