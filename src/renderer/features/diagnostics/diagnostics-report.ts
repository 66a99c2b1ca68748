import type { CentralStatus } from '@shared/ipc/channels/central';
import type { AppInfo, PolicyState } from '@shared/ipc/contract';

export interface DiagnosticsInput {
  app: AppInfo | null;
  policy: PolicyState;
  storage: { persisted: boolean | null; usage: number | null; quota: number | null };
  database: { epoch: string; pendingSync: number; pendingJournal: number };
  /** Main's view of the enrolment (never the token) and the engine's last outcome. */
  sync: {
    central: CentralStatus | null;
    phase: string;
    lastSuccessAt: string | null;
    error: { code: string; status?: number; stopped: boolean } | null;
  };
  /** The floor's worst power/line state and each monitor's state, without credentials. */
  monitors: {
    severity: string;
    ups: { name: string; status: string | null; charge: number | null; stale: boolean }[];
    lines: { name: string; role: string | null; health: string }[];
  };
  userAgent: string;
  now: Date;
}

/**
 * The text IT pastes into a ticket: everything needed to tell what this seat runs and why it misbehaves, and nothing
 * personal (no call records, phone numbers or names; the policy's contact tree is left out).
 */
export function diagnosticsReport(input: DiagnosticsInput): string {
  const report = {
    generatedAt: input.now.toISOString(),
    app: input.app,
    userAgent: input.userAgent,
    policy: {
      path: input.policy.path,
      found: input.policy.found,
      errors: input.policy.errors,
      lockedPaths: input.policy.lockedPaths,
      timeZone: input.policy.policy.calendar.timeZone,
      central: input.policy.policy.central,
      ups: input.policy.policy.ups.map(({ name, host, port, upsName }) => ({ name, host, port, upsName })),
      lines: input.policy.policy.lines,
    },
    storage: input.storage,
    database: input.database,
    sync: input.sync,
    monitors: input.monitors,
  };
  return JSON.stringify(report, null, 2);
}
