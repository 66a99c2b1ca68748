/** Writes docs/site-policy.schema.json from the zod schema. Run: npx tsx scripts/generate-policy-schema.ts */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { policyFileJsonSchema } from '../src/shared/policy/json-schema';

const target = resolve(import.meta.dirname, '../docs/site-policy.schema.json');
// Formatted with the repo's prettier config so `prettier --check` passes on the generated file.
const options = (await resolveConfig(target)) ?? {};
const text = await format(JSON.stringify(policyFileJsonSchema()), { ...options, filepath: target });
writeFileSync(target, text);
console.log(`wrote ${target}`);
