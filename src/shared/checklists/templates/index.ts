import type { ChecklistTemplate } from '../schema';
import { DATA_CENTRE_TEMPLATES } from './data-centre';
import { SAFETY_TEMPLATES } from './safety';
import { SERVICE_TEMPLATES } from './service';
import { SYSTEMS_TEMPLATES } from './systems';

/** Every built-in template, version 1, one per scenario in `SCENARIO_IDS`. */
export const BUILT_IN_TEMPLATES: readonly ChecklistTemplate[] = [
  ...SYSTEMS_TEMPLATES,
  ...SAFETY_TEMPLATES,
  ...SERVICE_TEMPLATES,
  ...DATA_CENTRE_TEMPLATES,
];
