import type { CentralStatus } from '@shared/ipc/channels/central';
import type { Handlers } from '@shared/ipc/dispatcher';

const notEnrolled: CentralStatus = {
  state: 'not-enrolled',
  serverUrl: null,
  siteCode: null,
  deviceId: null,
  deviceName: null,
  enrolledAt: null,
  tokenRejectedAt: null,
  secrets: { protection: 'memory' },
  health: null,
};

const failure = { ok: false, status: 0, error: 'not_enrolled', message: 'not enrolled' } as const;

/** Handlers of the `central:*` channels for tests that must bind every channel but do not exercise these. */
export const centralHandlerStubs: Pick<
  Handlers,
  | 'central:status'
  | 'central:enroll'
  | 'central:unenroll'
  | 'central:push'
  | 'central:pull'
  | 'central:rejected'
  | 'central:health'
> = {
  'central:status': () => notEnrolled,
  'central:enroll': () => failure,
  'central:unenroll': () => notEnrolled,
  'central:push': () => failure,
  'central:pull': () => failure,
  'central:rejected': () => failure,
  'central:health': () => ({ reachable: false, checkedAt: new Date(0).toISOString(), status: 0 }),
};
