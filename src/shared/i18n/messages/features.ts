import { powerMessages } from './power';
import { incidentsMessages } from './incidents';
import { diagnosticsMessages } from './diagnostics';
import { syncMessages } from './sync';
import { reportsMessages } from './reports';
import { checklistMessages } from './checklist';

/**
 * Messages of the feature areas, each in its own file beside this one with both languages side by side (declared with
 * `defineMessages`, define.ts), so a feature can be worked on without touching the others.
 * One line per feature area: `import { xMessages } from './x';` and `x: xMessages,` below.
 */
export const featureMessages = {
  sync: syncMessages,
  diagnostics: diagnosticsMessages,
  incidents: incidentsMessages,
  power: powerMessages,
  reports: reportsMessages,
  checklist: checklistMessages,
};
