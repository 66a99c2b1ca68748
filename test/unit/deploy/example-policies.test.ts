import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSitePolicy } from '@shared/policy';

// The deployment guide's example policies are what IT copies: they must stay valid as the schema evolves.
const dir = 'docs/examples';

describe('example site policies in docs/examples', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

  it('exist', () => {
    expect(files.sort()).toEqual(['floor-with-ups-and-sip.json', 'small-floor.json']);
  });

  it.each(files)('%s is a valid policy', (file) => {
    const result = parseSitePolicy(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('the two-UPS example really configures two UPS units and a backup SIP trunk', () => {
    const result = parseSitePolicy(
      JSON.parse(readFileSync(join(dir, 'floor-with-ups-and-sip.json'), 'utf8')),
    );
    if (!result.ok) throw new Error('invalid');
    expect(result.policy.ups.map((u) => u.port)).toEqual([3493, 3493]);
    expect(result.policy.lines.find((l) => l.role === 'backup')?.probe).toBe('sip-options');
  });
});
