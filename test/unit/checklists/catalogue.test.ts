import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_TEMPLATES,
  SCRIPT_SNIPPETS,
  buildCatalogue,
  type ChecklistTemplate,
  type ScriptSnippet,
} from '@shared/checklists';
import { parseSitePolicy } from '@shared/policy';
import { typhoonTemplate } from './helpers';

const fireV1 = BUILT_IN_TEMPLATES.find((t) => t.id === 'fire') as ChecklistTemplate;
const fireV2: ChecklistTemplate = {
  ...fireV1,
  version: 2,
  title: { zh: '火灾（本站）', en: 'Fire (site)' },
};
const fireV3: ChecklistTemplate = { ...fireV1, version: 3, title: { zh: '火灾 v3', en: 'Fire v3' } };
const typhoon = typhoonTemplate(['typhoon-line']);
const typhoonLine: ScriptSnippet = {
  id: 'typhoon-line',
  title: { zh: '台风致歉', en: 'Typhoon apology' },
  text: { zh: '受台风影响，接通时间较长，敬请谅解。', en: 'Because of the typhoon, waits are longer.' },
  tags: ['weather'],
};

describe('the site catalogue', () => {
  it('is the built-ins when nothing else is given', () => {
    const catalogue = buildCatalogue();
    expect(catalogue.current).toEqual(BUILT_IN_TEMPLATES);
    expect(catalogue.scripts).toEqual(SCRIPT_SNIPPETS);
    expect(catalogue.problems).toEqual([]);
  });

  it('takes the site policy’s templates and scripts, keeping every version known', () => {
    const catalogue = buildCatalogue({ site: { templates: [fireV2, typhoon], scripts: [typhoonLine] } });
    expect(catalogue.current.find((t) => t.id === 'fire')?.version).toBe(2);
    expect(catalogue.current.map((t) => t.id)).toContain('typhoon');
    expect(catalogue.known.filter((t) => t.id === 'fire').map((t) => t.version)).toEqual([1, 2]);
    expect(catalogue.scripts.map((s) => s.id)).toContain('typhoon-line');
  });

  it('lets the centre go past the policy, and reports a bad central entry without dropping the rest', () => {
    const catalogue = buildCatalogue({
      site: { templates: [fireV2], scripts: [] },
      central: { templates: [fireV3, { id: 'broken' }], scripts: [typhoonLine, { id: 1 }] },
    });
    expect(catalogue.current.find((t) => t.id === 'fire')?.title.en).toBe('Fire v3');
    expect(catalogue.known.filter((t) => t.id === 'fire').map((t) => t.version)).toEqual([1, 2, 3]);
    expect(catalogue.scripts.map((s) => s.id)).toContain('typhoon-line');
    expect(catalogue.problems).toHaveLength(2);
    expect(catalogue.problems.join('\n')).toMatch(/template #1/);
    expect(catalogue.problems.join('\n')).toMatch(/script #1/);
  });

  it('a central template may use a script the site policy added', () => {
    const catalogue = buildCatalogue({ site: { templates: [], scripts: [typhoonLine] }, central: [typhoon] });
    expect(catalogue.problems).toEqual([]);
    expect(catalogue.current.map((t) => t.id)).toContain('typhoon');
  });

  it('a site script with a built-in id replaces the built-in text', () => {
    const builtIn = SCRIPT_SNIPPETS[0] as ScriptSnippet;
    const replaced = { ...builtIn, text: { zh: '本站话术', en: 'Our own words' } };
    const catalogue = buildCatalogue({ site: { templates: [], scripts: [replaced] } });
    expect(catalogue.scripts.find((s) => s.id === builtIn.id)?.text.en).toBe('Our own words');
    expect(catalogue.scripts).toHaveLength(SCRIPT_SNIPPETS.length);
  });
});

describe('checklists in the site policy file', () => {
  it('accepts templates and scripts', () => {
    const result = parseSitePolicy({ checklists: { templates: [typhoon], scripts: [typhoonLine] } });
    expect(result.ok).toBe(true);
  });

  it('refuses a template naming a script the site does not have, with the key path', () => {
    const result = parseSitePolicy({ checklists: { templates: [typhoon] } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual({
      path: 'checklists.templates.0.steps.0.links.scripts.0',
      message: 'Unknown script "typhoon-line"',
    });
  });

  it('refuses the same template version twice, and a malformed step', () => {
    const twice = parseSitePolicy({ checklists: { templates: [fireV2, fireV2] } });
    expect(twice.ok || twice.errors.map((e) => e.path)).toEqual(['checklists.templates.1.version']);
    const bad = parseSitePolicy({
      checklists: { templates: [{ ...typhoon, steps: [{ ...typhoon.steps[0], dueAfterMinutes: -5 }] }] },
    });
    expect(bad.ok || bad.errors.map((e) => e.path)).toContain(
      'checklists.templates.0.steps.0.dueAfterMinutes',
    );
  });
});
