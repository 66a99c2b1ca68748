import type { LineConfig, UpsConfig } from '@shared/monitors/config';

/**
 * The install-time doctor: validate the site policy, then reach every peer it names once.
 * Every dependency is injected so the core runs in tests without the policy module or the network.
 */

/** The parts of the site policy the doctor reads; the full SitePolicy satisfies it structurally. */
export interface DoctorPolicy {
  ups?: readonly UpsConfig[];
  lines?: readonly LineConfig[];
  central?: { url?: string };
}

export type PolicyIssue = { path: string; message: string };
export type PolicyParseResult<P> = { ok: true; policy: P } | { ok: false; errors: PolicyIssue[] };

export interface CheckOutcome {
  ok: boolean;
  detail: string;
}

export interface UpsCheckOutcome extends CheckOutcome {
  /** Raw `ups.status`, null when it could not be read. */
  status: string | null;
  onBattery: boolean;
  batteryCharge: number | null;
}

export interface LineCheckOutcome extends CheckOutcome {
  latencyMs: number | null;
}

export type DoctorCheck =
  | ({ name: string; kind: 'policy' } & CheckOutcome & { errors?: PolicyIssue[] })
  | ({ name: string; kind: 'central' } & CheckOutcome & { skipped?: boolean })
  | ({ name: string; kind: 'ups' } & UpsCheckOutcome)
  | ({ name: string; kind: 'line' } & LineCheckOutcome);

export interface DoctorReport {
  ok: boolean;
  checks: DoctorCheck[];
}

/** 0 every check passed, 1 a peer check failed, 2 the policy itself is unusable. */
export type DoctorExitCode = 0 | 1 | 2;

export interface DoctorDeps<P extends DoctorPolicy> {
  policyText: string;
  parsePolicy: (input: unknown) => PolicyParseResult<P>;
  checkCentral: (url: string) => Promise<CheckOutcome>;
  checkUps: (ups: UpsConfig) => Promise<UpsCheckOutcome>;
  checkLine: (line: LineConfig) => Promise<LineCheckOutcome>;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A check that throws is a failed check with the reason, so one broken peer never hides the others. */
async function guarded<T extends CheckOutcome>(
  run: () => Promise<T>,
  failed: (detail: string) => T,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    return failed(message(error));
  }
}

export function formatIssue(issue: PolicyIssue): string {
  return `${issue.path === '' ? '(root)' : issue.path}: ${issue.message}`;
}

export async function runDoctor<P extends DoctorPolicy>(
  deps: DoctorDeps<P>,
): Promise<{ report: DoctorReport; exitCode: DoctorExitCode }> {
  let input: unknown;
  try {
    input = JSON.parse(deps.policyText);
  } catch (error) {
    const errors = [{ path: '', message: `not valid JSON: ${message(error)}` }];
    return invalidPolicy(errors);
  }
  const parsed = deps.parsePolicy(input);
  if (!parsed.ok) return invalidPolicy(parsed.errors);
  const policy = parsed.policy;

  const centralUrl = policy.central?.url;
  const central: Promise<DoctorCheck> = centralUrl
    ? guarded(
        () => deps.checkCentral(centralUrl),
        (detail) => ({ ok: false, detail }),
      ).then((outcome) => ({
        name: 'central',
        kind: 'central' as const,
        ...outcome,
      }))
    : // A policy may name only UPS units and lines; nothing to check then, and nothing wrong either.
      Promise.resolve({
        name: 'central',
        kind: 'central' as const,
        ok: true,
        skipped: true,
        detail: 'no central.url in policy; skipped',
      });
  const ups = (policy.ups ?? []).map((config) =>
    guarded(
      () => deps.checkUps(config),
      (detail) => ({ ok: false, detail, status: null, onBattery: false, batteryCharge: null }),
    ).then((outcome): DoctorCheck => ({ name: config.name, kind: 'ups', ...outcome })),
  );
  const lines = (policy.lines ?? []).map((config) =>
    guarded(
      () => deps.checkLine(config),
      (detail) => ({ ok: false, detail, latencyMs: null }),
    ).then((outcome): DoctorCheck => ({ name: config.name, kind: 'line', ...outcome })),
  );

  const policyCheck: DoctorCheck = {
    name: 'policy',
    kind: 'policy',
    ok: true,
    detail: `valid: ${policy.ups?.length ?? 0} UPS, ${policy.lines?.length ?? 0} lines`,
  };
  const checks = [policyCheck, ...(await Promise.all([central, ...ups, ...lines]))];
  const ok = checks.every((check) => check.ok);
  return { report: { ok, checks }, exitCode: ok ? 0 : 1 };
}

function invalidPolicy(errors: PolicyIssue[]): { report: DoctorReport; exitCode: 2 } {
  const detail = `invalid: ${errors.map(formatIssue).join('; ')}`;
  return {
    report: { ok: false, checks: [{ name: 'policy', kind: 'policy', ok: false, detail, errors }] },
    exitCode: 2,
  };
}
