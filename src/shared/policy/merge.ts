import type { z } from 'zod';
import { defaultPolicy } from './defaults';
import { SitePolicy, SitePolicyFile } from './schema';

export interface PolicyIssue {
  /** Dotted key path in the policy file (`calendar.timeZone`, `problemTypes.3.bands.vip.0.max`). */
  path: string;
  message: string;
}

export type ParsePolicyResult = { ok: true; policy: SitePolicy } | { ok: false; errors: PolicyIssue[] };

/** A policy file that cannot be used; `errors` lists every problem found, each with its key path. */
export class PolicyError extends Error {
  readonly errors: PolicyIssue[];
  constructor(errors: PolicyIssue[]) {
    super(`Invalid site policy:\n${errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')}`);
    this.name = 'PolicyError';
    this.errors = errors;
  }
}

/** Applies a policy file onto `base`: objects merged key by key, arrays and scalars replaced. Throws PolicyError. */
export function mergePolicy(base: SitePolicy, file: unknown): SitePolicy {
  const result = tryMerge(base, file);
  if (!result.ok) throw new PolicyError(result.errors);
  return result.policy;
}

/** Reads a policy file onto the built-in defaults; never throws. */
export function parseSitePolicy(input: unknown): ParsePolicyResult {
  return tryMerge(defaultPolicy(), input);
}

/** Applies a policy file (or a document in its shape) onto `base`; never throws. */
export function tryMerge(base: SitePolicy, file: unknown): ParsePolicyResult {
  const parsed = SitePolicyFile.safeParse(file ?? {});
  if (!parsed.success) return { ok: false, errors: formatIssues(parsed.error.issues) };
  const patch = { ...parsed.data };
  delete patch.$schema; // an editor hint, not policy

  // A file may change the scale (replace `levels`); per-level tables of the base then keep only the levels that remain,
  // while a level the file itself names in a table must exist — that is how a typo such as `deadlines.majr` is caught.
  const levelIds = new Set((patch.levels ?? base.levels).map((level) => level.id));
  const unknown = unknownLevelKeys(patch, levelIds);
  if (unknown.length > 0) return { ok: false, errors: unknown };

  const merged = deepMerge(restrictToLevels(base, levelIds), patch);
  const checked = SitePolicy.safeParse(merged);
  if (!checked.success) return { ok: false, errors: formatIssues(checked.error.issues) };
  return { ok: true, policy: checked.data };
}

function unknownLevelKeys(patch: SitePolicyFile, levelIds: Set<string>): PolicyIssue[] {
  const tables: [string, Record<string, unknown> | undefined][] = [
    ['deadlines', patch.deadlines],
    ['escalation.chains', patch.escalation?.chains],
    ['escalation.statusUpdateMinutes', patch.escalation?.statusUpdateMinutes],
  ];
  const known = [...levelIds].join(', ');
  return tables.flatMap(([path, table]) =>
    Object.keys(table ?? {})
      .filter((id) => !levelIds.has(id))
      .map((id) => ({ path: `${path}.${id}`, message: `Unknown level "${id}" (levels: ${known})` })),
  );
}

function restrictToLevels(base: SitePolicy, levelIds: Set<string>): SitePolicy {
  const keep = <T>(table: Record<string, T>): Record<string, T> =>
    Object.fromEntries(Object.entries(table).filter(([id]) => levelIds.has(id)));
  return {
    ...base,
    deadlines: keep(base.deadlines),
    escalation: {
      ...base.escalation,
      chains: keep(base.escalation.chains),
      statusUpdateMinutes: keep(base.escalation.statusUpdateMinutes),
    },
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Objects merge recursively; anything else in `patch` (arrays, scalars, null) replaces; `undefined` keeps the base. */
export function deepMerge(base: unknown, patch: unknown): unknown {
  if (patch === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) out[key] = deepMerge(base[key], value);
  return out;
}

function joinPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** zod issues → one `{ path, message }` per problem; unknown keys are reported at their own path. */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): PolicyIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: joinPath([...issue.path, key]),
        message: `Unknown key "${key}"`,
      }));
    }
    if (issue.code === 'invalid_key') {
      const detail = issue.issues.map((inner) => inner.message).join('; ');
      return [{ path: joinPath(issue.path) || '(root)', message: `Invalid key: ${detail}` }];
    }
    return [{ path: joinPath(issue.path) || '(root)', message: issue.message }];
  });
}
