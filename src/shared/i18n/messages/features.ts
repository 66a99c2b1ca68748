import { powerMessages } from './power';
import { incidentsMessages } from './incidents';

/**
 * Messages of the feature areas, each in its own file beside this one with both languages side by side, so a feature
 * can be worked on without touching the others. `defineMessages` makes English translate exactly the Chinese keys.
 */
type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export function defineMessages<const T>(messages: { zh: T; en: Widen<T> }): { zh: T; en: Widen<T> } {
  return messages;
}

export function pickLocale<F extends Record<string, { zh: unknown; en: unknown }>, L extends 'zh' | 'en'>(
  features: F,
  locale: L,
): { [K in keyof F]: F[K][L] } {
  return Object.fromEntries(Object.entries(features).map(([key, value]) => [key, value[locale]])) as {
    [K in keyof F]: F[K][L];
  };
}

import { diagnosticsMessages } from './diagnostics';
import { syncMessages } from './sync';
import { reportsMessages } from './reports';
import { checklistMessages } from './checklist';

// One line per feature area: `import { xMessages } from './x';` and `x: xMessages,` below.
export const featureMessages = {
  sync: syncMessages,
  diagnostics: diagnosticsMessages,
  incidents: incidentsMessages,
  power: powerMessages,
  reports: reportsMessages,
  checklist: checklistMessages,
};
