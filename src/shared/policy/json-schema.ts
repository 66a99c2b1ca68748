import { z } from 'zod';
import { SitePolicyFile } from './schema';

/** JSON Schema of a policy file, for editors and for IT's own checks. `input` so that defaulted keys are optional. */
export function policyFileJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(SitePolicyFile, { io: 'input', unrepresentable: 'any' });
}
