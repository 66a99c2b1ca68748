import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_TEMPLATES,
  CHECKLIST_ROLES,
  ChecklistTemplate,
  ROLE_LABELS,
  SCENARIO_IDS,
  SCENARIOS,
  SCRIPT_SNIPPETS,
  ScriptSnippet,
  checkTemplateRefs,
  pickTemplate,
  type Bilingual,
  type ChecklistStep,
} from '@shared/checklists';

const CJK = /[\u4e00-\u9fff]/;

function expectBilingual(text: Bilingual, where: string) {
  expect(text.zh.trim(), `${where} zh`).not.toBe('');
  expect(text.en.trim(), `${where} en`).not.toBe('');
  // Catches the two languages pasted the wrong way round.
  expect(text.zh, `${where} zh is Chinese`).toMatch(CJK);
  expect(text.en, `${where} en is not Chinese`).not.toMatch(CJK);
}

function step(templateId: string, stepId: string): ChecklistStep {
  const found = pickTemplate(BUILT_IN_TEMPLATES, templateId)?.steps.find((s) => s.id === stepId);
  if (!found) throw new Error(`missing ${templateId}/${stepId}`);
  return found;
}

describe('built-in templates', () => {
  it.each(BUILT_IN_TEMPLATES.map((t) => [t.id, t] as const))('%s parses as a template', (_id, template) => {
    expect(ChecklistTemplate.parse(template)).toEqual(template);
    expect(checkTemplateRefs(template)).toEqual([]);
  });

  it('has zh and en text for every title and step', () => {
    for (const template of BUILT_IN_TEMPLATES) {
      expectBilingual(template.title, template.id);
      for (const s of template.steps) expectBilingual(s.text, `${template.id}/${s.id}`);
    }
  });

  it('has exactly one template per scenario, and no template for an unlisted scenario', () => {
    for (const id of SCENARIO_IDS) {
      expect(
        BUILT_IN_TEMPLATES.filter((t) => t.scenarioId === id),
        id,
      ).toHaveLength(1);
    }
    expect(BUILT_IN_TEMPLATES).toHaveLength(SCENARIO_IDS.length);
    expect(new Set(BUILT_IN_TEMPLATES.map((t) => t.id)).size).toBe(BUILT_IN_TEMPLATES.length);
  });

  it('labels every scenario in both languages', () => {
    expect(Object.keys(SCENARIOS).sort()).toEqual([...SCENARIO_IDS].sort());
    for (const id of SCENARIO_IDS) expectBilingual(SCENARIOS[id].label, id);
  });

  it('uses only known roles, as owners and in contact links', () => {
    const roles: readonly string[] = CHECKLIST_ROLES;
    for (const role of CHECKLIST_ROLES) expectBilingual(ROLE_LABELS[role], role);
    for (const template of BUILT_IN_TEMPLATES) {
      for (const s of template.steps) {
        expect(roles, `${template.id}/${s.id}`).toContain(s.owner);
        const app = s.links?.app;
        if (app?.place === 'contacts' && app.role) expect(roles).toContain(app.role);
      }
    }
  });
});

describe('scripts knowledge base', () => {
  it('parses, has unique ids and text in both languages', () => {
    for (const snippet of SCRIPT_SNIPPETS) {
      expect(ScriptSnippet.parse(snippet)).toEqual(snippet);
      expectBilingual(snippet.title, snippet.id);
      expectBilingual(snippet.text, snippet.id);
    }
    expect(new Set(SCRIPT_SNIPPETS.map((s) => s.id)).size).toBe(SCRIPT_SNIPPETS.length);
  });

  it('keeps the standard reply to abusive calls word for word (seed 003)', () => {
    expect(SCRIPT_SNIPPETS.find((s) => s.id === 'abusive-call')?.text.zh).toBe(
      '对不起,请您配合我们的工作,如果没事,请您挂机好吗?',
    );
    expect(step('abusive-call', 'standard-script').links?.scripts).toContain('abusive-call');
  });

  it('every snippet is used by some step', () => {
    const used = new Set(BUILT_IN_TEMPLATES.flatMap((t) => t.steps.flatMap((s) => s.links?.scripts ?? [])));
    for (const snippet of SCRIPT_SNIPPETS) expect(used, snippet.id).toContain(snippet.id);
  });
});

describe('seed timings', () => {
  it('application failure: supervisor ≤ 5 min, VP at 10 if not recovered, vendor at 60, call sheet', () => {
    expect(step('application-failure', 'report-supervisor')).toMatchObject({
      owner: 'shift-lead',
      dueAfterMinutes: 5,
    });
    expect(step('application-failure', 'notify-operations-vp')).toMatchObject({
      showAfterMinutes: 10,
      showCondition: 'not-recovered',
      links: { app: { place: 'contacts', role: 'centre-manager' } },
    });
    expect(step('application-failure', 'consider-vendor')).toMatchObject({
      showAfterMinutes: 60,
      showCondition: 'not-recovered',
    });
    expect(step('application-failure', 'open-call-sheet').links?.app).toEqual({ place: 'calls' });
  });

  it('CRM down opens the call sheet', () => {
    expect(step('information-system-down', 'open-call-sheet').links?.app).toEqual({ place: 'calls' });
  });

  it('power cut: UPS, load shedding, generator at 40 % discharge', () => {
    expect(step('power-cut', 'check-ups').links?.app).toEqual({ place: 'power' });
    expect(step('power-cut', 'shed-load').text.zh).toContain('空调');
    expect(step('power-cut', 'generator-at-40').text.zh).toContain('40%');
  });

  it('fire and theft ≤ 2 min, personal accident ≤ 10 min', () => {
    expect(step('fire', 'call-119').text.zh).toContain('119');
    expect(step('fire', 'notify-manager').dueAfterMinutes).toBe(2);
    expect(step('theft', 'notify-supervisor-manager').dueAfterMinutes).toBe(2);
    expect(step('personal-accident', 'staffing-assessment').dueAfterMinutes).toBe(10);
    expect(step('personal-accident', 'notify-centre-manager').text.zh).toContain('2人');
  });

  it('call surge: tiers at 0 / 30 / 60, tier 2 calls in 10 % of agents', () => {
    expect(step('call-surge', 'tier-1-all-agents').dueAfterMinutes).toBe(0);
    expect(step('call-surge', 'tier-2-call-in')).toMatchObject({
      showAfterMinutes: 30,
      showCondition: 'not-recovered',
      callIn: { poolPercentOfAgents: 10 },
    });
    expect(step('call-surge', 'tier-3-functional-staff')).toMatchObject({
      showAfterMinutes: 60,
      showCondition: 'not-recovered',
    });
  });

  it('every data-centre scenario ends with a written report due 3 days (4320 min) after the close', () => {
    for (const id of SCENARIO_IDS.filter((s) => SCENARIOS[s].group === 'data-centre')) {
      expect(step(id, 'written-report'), id).toMatchObject({ dueFrom: 'resolved', dueAfterMinutes: 4320 });
    }
  });
});
