import type {
  CentralEnrollRequest,
  CentralFailure,
  CentralHealth,
  CentralPullRequest,
  CentralResult,
  CentralStatus,
} from '@shared/ipc/channels/central';
import type { PullResponse, PushRequest, PushResponse, RejectedResponse } from '@shared/sync/protocol';
import type { CentralApi } from './api-client';
import type { EnrollmentBackend, EnrollmentRecord } from './enrollment-store';
import type { SecretStore } from './secret-store';

/** The name of the device token in the secret store. */
export const DEVICE_TOKEN = 'central.deviceToken';

export interface CentralService {
  status(): CentralStatus;
  enroll(request: CentralEnrollRequest): Promise<CentralResult<CentralStatus>>;
  /** Forgets the token and the enrolment. Local records and the outbox are the renderer's and stay. */
  unenroll(): CentralStatus;
  push(request: PushRequest): Promise<CentralResult<PushResponse>>;
  pull(request: CentralPullRequest): Promise<CentralResult<PullResponse>>;
  rejected(limit?: number): Promise<CentralResult<RejectedResponse>>;
  /** Probes `/v1/health` of the enrolled server, or of `serverUrl` (the enrolment form's "test"). */
  health(serverUrl?: string): Promise<CentralHealth>;
  onChange(listener: (status: CentralStatus) => void): () => void;
}

const notEnrolled: CentralFailure = {
  ok: false,
  status: 0,
  error: 'not_enrolled',
  message: 'this seat is not enrolled with a central server',
};

/**
 * The seat's side of the central API, in main: enrolment, the device token (kept here, never sent to the
 * renderer) and the authenticated calls the renderer's sync engine asks for. A 401 to the token is remembered as
 * `token-rejected` (revoked, or the server lost its devices) and survives a restart until a call succeeds again or
 * the seat enrols anew.
 */
export function createCentralService(deps: {
  api: CentralApi;
  secrets: SecretStore;
  enrollment: EnrollmentBackend;
  now?: () => Date;
}): CentralService {
  const { api, secrets, enrollment } = deps;
  const now = deps.now ?? (() => new Date());
  const listeners = new Set<(status: CentralStatus) => void>();
  let record: EnrollmentRecord | null = enrollment.read();
  let health: CentralHealth | null = null;

  function status(): CentralStatus {
    const token = record ? secrets.get(DEVICE_TOKEN) : null;
    return {
      state: !record || !token ? 'not-enrolled' : record.tokenRejectedAt ? 'token-rejected' : 'enrolled',
      serverUrl: record?.serverUrl ?? null,
      siteCode: record?.siteCode ?? null,
      deviceId: record?.deviceId ?? null,
      deviceName: record?.deviceName ?? null,
      enrolledAt: record?.enrolledAt ?? null,
      tokenRejectedAt: record?.tokenRejectedAt ?? null,
      secrets: secrets.protection(),
      health,
    };
  }

  function changed(): void {
    const current = status();
    for (const listener of listeners) listener(current);
  }

  function save(next: EnrollmentRecord | null): void {
    enrollment.write(next);
    record = next;
  }

  /** Reachability as the calls themselves observe it; only a change of reachability is announced. */
  function observe(result: CentralResult<unknown>): void {
    const reachable = result.ok || result.status !== 0;
    const before = health?.reachable;
    health = {
      reachable,
      checkedAt: now().toISOString(),
      status: result.ok ? 200 : result.status,
      ...(result.ok ? {} : { message: result.message }),
      ...(health?.clockOffsetMs === undefined ? {} : { clockOffsetMs: health.clockOffsetMs }),
    };
    if (before !== reachable) changed();
  }

  /** Runs an authenticated call and keeps the token state in step with the server's answer. */
  async function authenticated<T>(
    run: (serverUrl: string, token: string) => Promise<CentralResult<T>>,
  ): Promise<CentralResult<T>> {
    const current = record;
    const token = current ? secrets.get(DEVICE_TOKEN) : null;
    if (!current || !token) return notEnrolled;
    const result = await run(current.serverUrl, token);
    // The enrolment may have changed while the request was out: only the one it was made for is updated.
    if (record === current) {
      if (!result.ok && result.status === 401 && !current.tokenRejectedAt) {
        save({ ...current, tokenRejectedAt: now().toISOString() });
        changed();
      } else if (result.ok && current.tokenRejectedAt) {
        save({ ...current, tokenRejectedAt: null });
        changed();
      }
    }
    observe(result);
    return result;
  }

  return {
    status,
    async enroll(request) {
      const { serverUrl, siteCode, enrollmentKey, deviceName } = request;
      const result = await api.enroll(serverUrl, { siteCode, enrollmentKey, deviceName });
      observe(result);
      if (!result.ok) return result;
      // Token first: an enrolment record without its token would read as enrolled but could not sync.
      secrets.set(DEVICE_TOKEN, result.value.token);
      save({
        serverUrl,
        siteCode,
        deviceId: result.value.deviceId,
        deviceName,
        enrolledAt: now().toISOString(),
        tokenRejectedAt: null,
      });
      changed();
      return { ok: true, value: status() };
    },
    unenroll() {
      secrets.delete(DEVICE_TOKEN);
      save(null);
      health = null;
      changed();
      return status();
    },
    push: (request) => authenticated((url, token) => api.push(url, token, request)),
    pull: ({ cursor, limit }) => authenticated((url, token) => api.pull(url, token, cursor, limit)),
    rejected: (limit) => authenticated((url, token) => api.rejected(url, token, limit)),
    async health(serverUrl) {
      if (serverUrl !== undefined && serverUrl !== record?.serverUrl) return api.health(serverUrl);
      if (!record) {
        return { reachable: false, checkedAt: now().toISOString(), status: 0, message: notEnrolled.message };
      }
      const before = health?.reachable;
      health = await api.health(record.serverUrl);
      if (before !== health.reachable) changed();
      return health;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
