import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import {
  BUILT_IN_TEMPLATES,
  parseTemplateOverrides,
  resolveTemplates,
  type ChecklistTemplate,
} from '@shared/checklists';
import { useLocalStore } from '../../data/local-store';

export interface Templates {
  /** Every version this seat knows (built-ins and the centre's), to find the exact one an incident recorded. */
  known: ChecklistTemplate[];
  /** The newest version per template id: what a blank sheet prints. */
  current: ChecklistTemplate[];
  /** Entries of the centre's list that were refused (each is reported alone; the rest still apply). */
  problems: string[];
}

/** The built-in templates with those the centre published (site config `checklists`), read live. */
export function useTemplates(): Templates {
  const { db } = useLocalStore();
  const row = useLiveQuery(() => db.siteConfig.get('checklists'), [db]);
  return useMemo(() => {
    const overrides = row ? parseTemplateOverrides(row.data) : { templates: [], problems: [] };
    return {
      known: [...BUILT_IN_TEMPLATES, ...overrides.templates],
      current: resolveTemplates(BUILT_IN_TEMPLATES, overrides.templates),
      problems: overrides.problems,
    };
  }, [row]);
}
