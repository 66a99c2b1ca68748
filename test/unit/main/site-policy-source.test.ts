import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '@shared/policy';
import { loadSitePolicy, sitePolicyPath } from '../../../src/main/services/policy/site-policy-source';

function file(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'fg-policy-')), 'site-policy.json');
  writeFileSync(path, text);
  return path;
}

describe('site policy discovery', () => {
  it('looks in the machine-wide place of each OS, unless FLOORGUARD_POLICY names a file', () => {
    expect(sitePolicyPath('win32', { ProgramData: 'D:\\PD' })).toBe(
      join('D:\\PD', 'Floorguard', 'site-policy.json'),
    );
    expect(sitePolicyPath('linux', {})).toBe('/etc/floorguard/site-policy.json');
    expect(sitePolicyPath('darwin', {})).toBe('/Library/Application Support/Floorguard/site-policy.json');
    expect(sitePolicyPath('linux', { FLOORGUARD_POLICY: '/srv/p.json' })).toBe('/srv/p.json');
  });
});

describe('site policy loading', () => {
  it('runs on the defaults when there is no file, with nothing locked', async () => {
    const loaded = await loadSitePolicy('/nonexistent/floorguard/site-policy.json');
    expect(loaded).toMatchObject({ found: false, lockedPaths: [], errors: [] });
    expect(loaded.policy).toEqual(defaultPolicy());
  });

  it('applies a valid file and locks exactly the keys it sets', async () => {
    const loaded = await loadSitePolicy(
      file(JSON.stringify({ calendar: { timeZone: 'Asia/Urumqi' }, crmDownAlertMinutes: 5, lines: [] })),
    );
    expect(loaded.errors).toEqual([]);
    expect(loaded.policy.calendar.timeZone).toBe('Asia/Urumqi');
    expect(loaded.policy.crmDownAlertMinutes).toBe(5);
    expect(loaded.lockedPaths.sort()).toEqual(['calendar.timeZone', 'crmDownAlertMinutes', 'lines']);
  });

  it('starts on the defaults with errors naming the key path when the file is invalid', async () => {
    const loaded = await loadSitePolicy(file(JSON.stringify({ calendar: { timeZone: 'Mars/Olympus' } })));
    expect(loaded.policy).toEqual(defaultPolicy());
    expect(loaded.lockedPaths).toEqual([]);
    expect(loaded.errors[0]?.path).toBe('calendar.timeZone');
  });

  it('reports broken JSON instead of failing', async () => {
    const loaded = await loadSitePolicy(file('{"calendar": '));
    expect(loaded).toMatchObject({ found: true, errors: [{ path: '(file)' }] });
  });
});
