import { describe, expect, it } from 'vitest';
import { defaultPolicy, effectivePolicy, mergePolicy, type ContactEdit, type Person } from '@shared/policy';
import { encodeHlc } from '@shared/sync/hlc';

const hlc = (minute: number) =>
  encodeHlc({ millis: Date.parse('2026-11-24T02:00:00Z') + minute * 60_000, counter: 0, node: 'seat1' });

const editable = mergePolicy(defaultPolicy(), { allowContactEdits: true });
const manager = editable.contacts.people.find((p) => p.role === 'cs-manager') as Person;

function edit(minute: number, person: Person | null, id = person?.id ?? manager.id): ContactEdit {
  return {
    id,
    person,
    by: '王芳',
    seat: 'A-01',
    at: new Date(minute * 60_000).toISOString(),
    hlc: hlc(minute),
  };
}

describe('the policy a seat runs on', () => {
  it('is the file policy when nothing else is known', () => {
    expect(effectivePolicy(editable, {})).toEqual({ policy: editable, problems: [], appliedEdits: 0 });
  });

  it('takes the centre’s policy over the file, then its contact tree', () => {
    const { policy, problems } = effectivePolicy(editable, {
      centralPolicy: { crmDownAlertMinutes: 7 },
      centralContacts: {
        data: { commandCentre: { phones: ['+86 21 5555 0000'] } },
        hlc: hlc(0),
      },
    });
    expect(problems).toEqual([]);
    expect(policy.crmDownAlertMinutes).toBe(7);
    expect(policy.contacts.commandCentre.phones).toEqual(['+86 21 5555 0000']);
    // Merged, not replaced: the label and the people stay.
    expect(policy.contacts.people).toEqual(editable.contacts.people);
  });

  it('leaves a bad central layer out, says why, and keeps the rest', () => {
    const { policy, problems } = effectivePolicy(editable, {
      centralPolicy: { crmDownAlertMinutes: -1 },
      centralContacts: { data: { people: [{ ...manager, team: 'nowhere' }] }, hlc: hlc(0) },
    });
    expect(policy).toEqual(editable);
    expect(problems.map((p) => p.path)).toEqual([
      'central policy: crmDownAlertMinutes',
      'central contacts: contacts.people.0.team',
    ]);
  });

  it('applies leads’ edits in hlc order: change, add, remove', () => {
    const added: Person = {
      ...manager,
      id: 'zhang-wei',
      name: '张伟',
      onDuty: true,
      phones: ['138 0000 1111'],
    };
    const { policy, appliedEdits } = effectivePolicy(editable, {
      contactEdits: [
        edit(3, null, 'zhang-wei'),
        edit(1, { ...manager, onDuty: false, phones: ['139 0000 2222'] }),
        edit(2, added),
      ],
    });
    expect(appliedEdits).toBe(3);
    expect(policy.contacts.people.find((p) => p.id === manager.id)).toMatchObject({
      onDuty: false,
      phones: ['139 0000 2222'],
    });
    // Same position in the tree as before the edit.
    expect(policy.contacts.people.map((p) => p.id)).toEqual(editable.contacts.people.map((p) => p.id));
  });

  it('ignores edits when the policy does not allow them, and edits older than the centre’s tree', () => {
    const offDuty = edit(1, { ...manager, onDuty: false });
    expect(effectivePolicy(defaultPolicy(), { contactEdits: [offDuty] }).appliedEdits).toBe(0);
    const superseded = effectivePolicy(editable, {
      centralContacts: { data: { people: editable.contacts.people }, hlc: hlc(2) },
      contactEdits: [offDuty],
    });
    expect(superseded.appliedEdits).toBe(0);
    expect(superseded.policy.contacts.people.find((p) => p.id === manager.id)?.onDuty).toBe(manager.onDuty);
  });

  it('refuses an edit that breaks the tree alone', () => {
    const { policy, problems, appliedEdits } = effectivePolicy(editable, {
      contactEdits: [edit(1, { ...manager, team: 'nowhere' }), edit(2, { ...manager, onDuty: false })],
    });
    expect(appliedEdits).toBe(1);
    expect(problems[0]?.path).toMatch(/^contact edit .*: contacts\.people\.\d+\.team$/);
    expect(policy.contacts.people.find((p) => p.id === manager.id)?.onDuty).toBe(false);
  });
});
