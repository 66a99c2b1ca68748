import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_TEMPLATES,
  SCENARIO_IDS,
  parseTemplateOverrides,
  pickTemplate,
  resolveTemplates,
  type ChecklistTemplate,
} from '@shared/checklists';
import { typhoonTemplate } from './helpers';

function builtIn(id: string): ChecklistTemplate {
  const template = BUILT_IN_TEMPLATES.find((t) => t.id === id);
  if (!template) throw new Error(id);
  return template;
}

const fireV1 = builtIn('fire');
const fireV2: ChecklistTemplate = {
  ...fireV1,
  version: 2,
  steps: [
    ...fireV1.steps,
    {
      id: 'headcount',
      owner: 'shift-lead',
      text: { zh: '在集合点清点人数。', en: 'Count everyone at the assembly point.' },
    },
  ],
};
const typhoon = typhoonTemplate();

describe('resolveTemplates', () => {
  it('returns the built-ins untouched when there are no overrides', () => {
    expect(resolveTemplates(BUILT_IN_TEMPLATES, [])).toEqual(BUILT_IN_TEMPLATES);
  });

  it('replaces a template with a higher version of the same id, in place', () => {
    const resolved = resolveTemplates(BUILT_IN_TEMPLATES, [fireV2]);
    expect(resolved).toHaveLength(BUILT_IN_TEMPLATES.length);
    expect(resolved.find((t) => t.id === 'fire')).toBe(fireV2);
    expect(resolved.map((t) => t.id)).toEqual(BUILT_IN_TEMPLATES.map((t) => t.id));
  });

  it('ignores an override with the same or a lower version', () => {
    const sameVersion = { ...fireV2, version: 1 };
    expect(resolveTemplates(BUILT_IN_TEMPLATES, [sameVersion]).find((t) => t.id === 'fire')).toBe(fireV1);
    const resolved = resolveTemplates(
      [...BUILT_IN_TEMPLATES.filter((t) => t.id !== 'fire'), fireV2],
      [fireV1],
    );
    expect(resolved.find((t) => t.id === 'fire')).toBe(fireV2);
  });

  it('keeps the highest version whatever the order of overrides (site policy vs central pull)', () => {
    const fireV3 = { ...fireV2, version: 3 };
    for (const overrides of [
      [fireV2, fireV3],
      [fireV3, fireV2],
    ]) {
      expect(resolveTemplates(BUILT_IN_TEMPLATES, overrides).find((t) => t.id === 'fire')).toBe(fireV3);
    }
  });

  it('adds templates for new scenarios after the built-ins', () => {
    const resolved = resolveTemplates(BUILT_IN_TEMPLATES, [typhoon]);
    expect(resolved.at(-1)).toBe(typhoon);
    expect(resolved).toHaveLength(SCENARIO_IDS.length + 1);
  });
});

describe('pickTemplate', () => {
  const history = [...BUILT_IN_TEMPLATES, fireV2];

  it('picks the highest version by default', () => {
    expect(pickTemplate(history, 'fire')).toBe(fireV2);
  });

  it('picks the recorded version, so an incident declared on v1 still shows v1', () => {
    expect(pickTemplate(history, 'fire', 1)).toBe(fireV1);
    expect(pickTemplate(history, 'fire', 2)).toBe(fireV2);
  });

  it('returns undefined for an unknown scenario or a version no longer held', () => {
    expect(pickTemplate(history, 'volcano')).toBeUndefined();
    expect(pickTemplate(history, 'fire', 7)).toBeUndefined();
  });

  it('prefers the template whose id is the scenario id, whatever the list order', () => {
    const variant = { ...fireV1, id: 'fire-night-shift' };
    expect(pickTemplate([variant, fireV1], 'fire', 1)).toBe(fireV1);
    expect(pickTemplate([fireV1, variant], 'fire', 1)).toBe(fireV1);
  });
});

describe('parseTemplateOverrides', () => {
  it('accepts valid templates and reports bad ones without dropping the rest', () => {
    const badRef = {
      ...typhoon,
      id: 'flood',
      scenarioId: 'flood',
      steps: [{ ...typhoon.steps[0], links: { scripts: ['nope'] } }],
    };
    const missingEn = { ...typhoon, id: 'quake', title: { zh: '地震' } };
    const { templates, problems } = parseTemplateOverrides([typhoon, badRef, missingEn]);
    expect(templates).toEqual([typhoon]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('unknown script nope');
    expect(problems[1]).toContain('#2');
  });

  it('refuses duplicate step ids and a condition without a time', () => {
    const duplicate = { ...typhoon, steps: [typhoon.steps[0], typhoon.steps[0]] };
    const conditionOnly = {
      ...typhoon,
      steps: [{ ...typhoon.steps[0], showCondition: 'not-recovered' }],
    };
    expect(parseTemplateOverrides([duplicate]).problems[0]).toContain('duplicate step id send-home');
    expect(parseTemplateOverrides([conditionOnly]).problems[0]).toContain(
      'showCondition needs showAfterMinutes',
    );
  });

  it('refuses something that is not a list', () => {
    expect(parseTemplateOverrides({ fire: fireV2 })).toEqual({
      templates: [],
      problems: ['checklist templates: expected an array'],
    });
  });
});
