import { describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES, CHECKLIST_ROLES, KNOWN_ROLES, ROLE_LABELS } from '@shared/checklists';
import { defaultPolicy, peopleForRole } from '@shared/policy';

const policy = defaultPolicy();

describe('one set of role ids across templates, chains and the default contact tree', () => {
  it('every role a template owns or links to has someone in the default tree', () => {
    const roles = new Set<string>();
    for (const template of BUILT_IN_TEMPLATES) {
      for (const step of template.steps) {
        roles.add(step.owner);
        const app = step.links?.app;
        if (app?.place === 'contacts' && app.role) roles.add(app.role);
      }
    }
    const listed: readonly string[] = CHECKLIST_ROLES;
    for (const role of roles) expect(listed, role).toContain(role);
    for (const role of roles) expect(peopleForRole(policy, role), role).not.toEqual([]);
  });

  it('every role an escalation chain or a level owner names has someone in the default tree', () => {
    const roles = [
      ...Object.values(policy.escalation.chains).flatMap((steps) => steps.map((s) => s.role)),
      ...policy.levels.map((l) => l.ownerRole),
    ];
    for (const role of roles) expect(peopleForRole(policy, role), role).not.toEqual([]);
  });

  it('labels every role of the default tree in both languages', () => {
    const known: readonly string[] = KNOWN_ROLES;
    for (const person of policy.contacts.people) expect(known, person.id).toContain(person.role);
    for (const role of KNOWN_ROLES) {
      expect(ROLE_LABELS[role].zh.trim(), role).not.toBe('');
      expect(ROLE_LABELS[role].en.trim(), role).not.toBe('');
    }
  });

  it('no longer uses the old checklist ids', () => {
    const owners = BUILT_IN_TEMPLATES.flatMap((t) => t.steps.map((s) => s.owner));
    for (const old of ['supervisor', 'it', 'operations-vp']) expect(owners).not.toContain(old);
  });
});
