import type { AppInfo, PolicyState } from '@shared/ipc/contract';

export interface DiagnosticsInput {
  app: AppInfo | null;
  policy: PolicyState;
  storage: { persisted: boolean | null; usage: number | null; quota: number | null };
  database: { epoch: string; pendingSync: number; pendingJournal: number };
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
  };
  return JSON.stringify(report, null, 2);
}
