import { z } from 'zod';
import { ChecklistTemplate, type ScriptSnippet } from './schema';
import { SCRIPT_SNIPPETS } from './scripts';

/**
 * Which templates a site runs: the built-ins, replaced or extended by the site policy and the central pull.
 * A template changes only by a higher version under the same id; the incident records `{ id, version }` of the one it
 * ran, and `pickTemplate` finds that version again as long as the caller keeps it (see ADR 0005).
 */

/**
 * The current catalogue: per template id, the highest version seen. An override with the same or a lower version is
 * ignored — to change a template a site must bump its version, so an incident that recorded "v1" is never shown v1
 * text that has silently changed. Order: built-ins first, then added templates in the order given.
 */
export function resolveTemplates(
  builtIns: readonly ChecklistTemplate[],
  overrides: readonly ChecklistTemplate[],
): ChecklistTemplate[] {
  const current = new Map<string, ChecklistTemplate>();
  for (const template of [...builtIns, ...overrides]) {
    const existing = current.get(template.id);
    if (!existing || template.version > existing.version) current.set(template.id, template);
  }
  return [...current.values()];
}

/**
 * The template to run for a scenario: the recorded `version` when given (undefined if it is no longer known), else
 * the highest version. Should two template ids serve one scenario, the one whose id is the scenario id wins, then
 * the first by id — the choice must not depend on list order, since seats build their lists independently.
 */
export function pickTemplate(
  all: readonly ChecklistTemplate[],
  scenarioId: string,
  version?: number,
): ChecklistTemplate | undefined {
  const candidates = all.filter(
    (template) =>
      template.scenarioId === scenarioId && (version === undefined || template.version === version),
  );
  const rank = (template: ChecklistTemplate) => (template.id === scenarioId ? 0 : 1);
  return candidates.sort(
    (a, b) => b.version - a.version || rank(a) - rank(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )[0];
}

/** Problems a schema cannot see on its own: references to scripts that are not in the knowledge base. */
export function checkTemplateRefs(
  template: ChecklistTemplate,
  snippets: readonly ScriptSnippet[] = SCRIPT_SNIPPETS,
): string[] {
  const known = new Set(snippets.map((snippet) => snippet.id));
  return template.steps.flatMap((step) =>
    (step.links?.scripts ?? [])
      .filter((id) => !known.has(id))
      .map((id) => `${template.id} v${template.version} step ${step.id}: unknown script ${id}`),
  );
}

export interface ParsedOverrides {
  templates: ChecklistTemplate[];
  problems: string[];
}

/**
 * Reads templates from a site policy or a central pull. Each entry stands alone: one bad template is reported and
 * left out, the rest still apply — a typo in one scenario must not take every checklist away during an emergency.
 */
export function parseTemplateOverrides(
  input: unknown,
  snippets: readonly ScriptSnippet[] = SCRIPT_SNIPPETS,
): ParsedOverrides {
  const list = z.array(z.unknown()).safeParse(input);
  if (!list.success) return { templates: [], problems: ['checklist templates: expected an array'] };
  const templates: ChecklistTemplate[] = [];
  const problems: string[] = [];
  list.data.forEach((entry, index) => {
    const parsed = ChecklistTemplate.safeParse(entry);
    if (!parsed.success) {
      problems.push(`checklist template #${index}: ${z.prettifyError(parsed.error)}`);
      return;
    }
    const refs = checkTemplateRefs(parsed.data, snippets);
    if (refs.length > 0) problems.push(...refs);
    else templates.push(parsed.data);
  });
  return { templates, problems };
}
