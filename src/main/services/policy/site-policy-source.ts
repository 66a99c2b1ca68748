import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultPolicy, parseSitePolicy, type PolicyIssue, type SitePolicy } from '@shared/policy';

/** The machine-wide policy location IT deploys to, per OS; `FLOORGUARD_POLICY` overrides it. */
export function sitePolicyPath(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string {
  if (env['FLOORGUARD_POLICY']) return env['FLOORGUARD_POLICY'];
  if (platform === 'win32')
    return join(env['ProgramData'] ?? 'C:\\ProgramData', 'Floorguard', 'site-policy.json');
  if (platform === 'darwin') return '/Library/Application Support/Floorguard/site-policy.json';
  return '/etc/floorguard/site-policy.json';
}

export interface LoadedPolicy {
  policy: SitePolicy;
  path: string;
  /** A file was found at `path` (valid or not). */
  found: boolean;
  /** Key paths the file sets: locked in the UI ("set by your IT department"). Empty when the file is invalid. */
  lockedPaths: string[];
  /** Why the file was not used; the app then runs on the defaults and shows these with their key paths. */
  errors: PolicyIssue[];
}

/** Reads and validates the site policy. An invalid or unreadable file never stops the app: defaults + errors. */
export async function loadSitePolicy(
  path: string,
  read = (p: string) => readFile(p, 'utf8'),
): Promise<LoadedPolicy> {
  let text: string;
  try {
    text = await read(path);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return {
      policy: defaultPolicy(),
      path,
      found: !missing,
      lockedPaths: [],
      errors: missing
        ? []
        : [{ path: '(file)', message: `Cannot read ${path}: ${(error as Error).message}` }],
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      policy: defaultPolicy(),
      path,
      found: true,
      lockedPaths: [],
      errors: [{ path: '(file)', message: `Not valid JSON: ${(error as Error).message}` }],
    };
  }
  const parsed = parseSitePolicy(json);
  if (!parsed.ok)
    return { policy: defaultPolicy(), path, found: true, lockedPaths: [], errors: parsed.errors };
  return { policy: parsed.policy, path, found: true, lockedPaths: leafPaths(json), errors: [] };
}

/** `{ "calendar": { "timeZone": "…" }, "ups": […] }` → `calendar.timeZone`, `ups` (arrays lock as a whole). */
function leafPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return prefix ? [prefix] : [];
  return Object.entries(value)
    .filter(([key]) => key !== '$schema')
    .flatMap(([key, child]) => leafPaths(child, prefix ? `${prefix}.${key}` : key));
}
