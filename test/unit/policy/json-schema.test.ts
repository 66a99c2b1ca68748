import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { policyFileJsonSchema } from '@shared/policy';

describe('docs/site-policy.schema.json', () => {
  it('matches the zod schema (regenerate: npx tsx scripts/generate-policy-schema.ts)', () => {
    const committed: unknown = JSON.parse(
      readFileSync(resolve(import.meta.dirname, '../../../docs/site-policy.schema.json'), 'utf8'),
    );
    expect(committed).toEqual(policyFileJsonSchema());
  });

  it('describes a file where nothing is required and unknown keys are refused', () => {
    const schema = policyFileJsonSchema();
    expect(schema.required).toBeUndefined();
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties ?? {})).toEqual(
      expect.arrayContaining([
        'levels',
        'problemTypes',
        'deadlines',
        'calendar',
        'contacts',
        'escalation',
        'ups',
        'lines',
      ]),
    );
  });
});
