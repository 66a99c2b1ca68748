import { z } from 'zod';
import { resolveTemplates, parseTemplateOverrides } from './resolve';
import { ScriptSnippet, type ChecklistTemplate } from './schema';
import { SCRIPT_SNIPPETS } from './scripts';
import { BUILT_IN_TEMPLATES } from './templates';

/**
 * What a seat runs: the built-in templates and scripts, then the site policy's, then what the centre published
 * (site config `checklists`). Templates: the highest version per id is current, every version stays known so an
 * incident finds the one it ran. Scripts: a later source replaces a script with the same id.
 */
export interface Catalogue {
  /** Every template version this seat knows. */
  known: ChecklistTemplate[];
  /** The newest version per template id: what a new incident runs and a blank sheet prints. */
  current: ChecklistTemplate[];
  scripts: ScriptSnippet[];
  /** Entries of the centre's document that were refused (each alone; the rest still apply). */
  problems: string[];
}

export interface CatalogueSources {
  /** The site policy's `checklists` (already checked with the policy). */
  site?: { templates: readonly ChecklistTemplate[]; scripts: readonly ScriptSnippet[] };
  /** The centre's document as pulled: a list of templates, or `{ templates?, scripts? }`. */
  central?: unknown;
}

export function buildCatalogue(sources: CatalogueSources = {}): Catalogue {
  const central = readCentral(sources.central);
  const scripts = new Map<string, ScriptSnippet>();
  for (const script of [...SCRIPT_SNIPPETS, ...(sources.site?.scripts ?? []), ...central.scripts])
    scripts.set(script.id, script);
  const scriptList = [...scripts.values()];
  const templates = parseTemplateOverrides(central.templates, scriptList);
  const added = [...(sources.site?.templates ?? []), ...templates.templates];
  return {
    known: [...BUILT_IN_TEMPLATES, ...added],
    current: resolveTemplates(BUILT_IN_TEMPLATES, added),
    scripts: scriptList,
    problems: [...central.problems, ...templates.problems],
  };
}

function readCentral(document: unknown): {
  templates: unknown[];
  scripts: ScriptSnippet[];
  problems: string[];
} {
  if (document === undefined || document === null) return { templates: [], scripts: [], problems: [] };
  if (Array.isArray(document)) return { templates: document, scripts: [], problems: [] };
  const shape = z
    .object({ templates: z.array(z.unknown()).optional(), scripts: z.array(z.unknown()).optional() })
    .safeParse(document);
  if (!shape.success)
    return {
      templates: [],
      scripts: [],
      problems: ['checklists: expected a list of templates or { templates, scripts }'],
    };
  const scripts: ScriptSnippet[] = [];
  const problems: string[] = [];
  (shape.data.scripts ?? []).forEach((entry, index) => {
    const parsed = ScriptSnippet.safeParse(entry);
    if (parsed.success) scripts.push(parsed.data);
    else problems.push(`script #${index}: ${z.prettifyError(parsed.error)}`);
  });
  return { templates: shape.data.templates ?? [], scripts, problems };
}
