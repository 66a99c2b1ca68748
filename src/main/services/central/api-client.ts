import type { z } from 'zod';
import type {
  CentralFailure,
  CentralFailureCode,
  CentralHealth,
  CentralResult,
} from '@shared/ipc/channels/central';
import {
  ApiError,
  EnrollResponse,
  PullResponse,
  PushResponse,
  RejectedResponse,
  type EnrollRequest,
  type PushRequest,
} from '@shared/sync/protocol';

/** The central API over HTTP, as main calls it. Every answer is a value: nothing here throws. */
export interface CentralApi {
  health(serverUrl: string): Promise<CentralHealth>;
  enroll(serverUrl: string, body: EnrollRequest): Promise<CentralResult<EnrollResponse>>;
  push(serverUrl: string, token: string, body: PushRequest): Promise<CentralResult<PushResponse>>;
  pull(
    serverUrl: string,
    token: string,
    cursor: string,
    limit?: number,
  ): Promise<CentralResult<PullResponse>>;
  rejected(serverUrl: string, token: string, limit?: number): Promise<CentralResult<RejectedResponse>>;
}

export interface CentralApiOptions {
  fetch?: typeof fetch;
  /** Health probe and enrolment. */
  shortTimeoutMs?: number;
  /** Push and pull: a 1 MiB batch over a slow backup line must have time to arrive. */
  longTimeoutMs?: number;
  now?: () => number;
}

export const DEFAULT_SHORT_TIMEOUT_MS = 5_000;
export const DEFAULT_LONG_TIMEOUT_MS = 60_000;

/** `https://host/prefix` + `v1/…`, keeping any path prefix of the configured URL (a reverse proxy's). */
export function endpoint(serverUrl: string, path: string): URL {
  const base = serverUrl.endsWith('/') ? serverUrl : `${serverUrl}/`;
  return new URL(path, base);
}

const failure = (
  status: number,
  error: CentralFailureCode,
  message: string,
  ackedSeq?: number,
): CentralFailure => ({ ok: false, status, error, message, ...(ackedSeq === undefined ? {} : { ackedSeq }) });

/** The API's own error code, or one derived from the status when the answer is not ours (a proxy, a 502 page). */
function codeForStatus(status: number): CentralFailureCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 413) return 'payload_too_large';
  if (status === 429) return 'rate_limited';
  if (status === 502 || status === 503 || status === 504) return 'unavailable';
  if (status >= 400 && status < 500) return 'invalid_request';
  return 'internal';
}

/** Node's fetch hides the reason in `cause` (ECONNREFUSED, ENOTFOUND, …): name it, it is what IT needs. */
function describeNetworkError(error: unknown): { code: 'timeout' | 'network'; message: string } {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return { code: 'timeout', message: 'no answer in time' };
  const cause =
    error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  const detail =
    typeof cause?.code === 'string'
      ? cause.code
      : typeof cause?.message === 'string'
        ? cause.message
        : error instanceof Error
          ? error.message
          : String(error);
  return { code: 'network', message: detail };
}

interface Exchange {
  status: number;
  body: unknown;
  /** Server clock minus ours, from the Date header. */
  clockOffsetMs?: number;
}

export function createCentralApi(options: CentralApiOptions = {}): CentralApi {
  const doFetch = options.fetch ?? fetch;
  const shortTimeout = options.shortTimeoutMs ?? DEFAULT_SHORT_TIMEOUT_MS;
  const longTimeout = options.longTimeoutMs ?? DEFAULT_LONG_TIMEOUT_MS;
  const now = options.now ?? Date.now;

  async function exchange(
    serverUrl: string,
    path: string,
    init: { method: 'GET' | 'POST'; token?: string; body?: unknown; timeoutMs: number },
  ): Promise<Exchange | CentralFailure> {
    let url: URL;
    try {
      url = endpoint(serverUrl, path);
    } catch {
      return failure(0, 'invalid_request', `not a URL: ${serverUrl}`);
    }
    const headers: Record<string, string> = { accept: 'application/json' };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const sentAt = now();
    let response: Response;
    let text: string;
    try {
      response = await doFetch(url, {
        method: init.method,
        headers,
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
        // A redirect could carry the token elsewhere; the configured URL must be the API itself.
        redirect: 'manual',
        signal: AbortSignal.timeout(init.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      const { code, message } = describeNetworkError(error);
      return failure(0, code, message);
    }
    const receivedAt = now();
    if (response.status >= 300 && response.status < 400) {
      const location = response.headers.get('location') ?? '?';
      return failure(
        response.status,
        'bad_response',
        `redirected to ${location}: set the server URL to the API itself`,
      );
    }
    let body: unknown = null;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
    }
    const date = Date.parse(response.headers.get('date') ?? '');
    const clockOffsetMs = Number.isNaN(date) ? undefined : date - Math.round((sentAt + receivedAt) / 2);
    return { status: response.status, body, ...(clockOffsetMs === undefined ? {} : { clockOffsetMs }) };
  }

  async function call<T extends z.ZodType>(
    schema: T,
    okStatus: number,
    serverUrl: string,
    path: string,
    init: { method: 'GET' | 'POST'; token?: string; body?: unknown; timeoutMs: number },
  ): Promise<CentralResult<z.output<T>>> {
    const reply = await exchange(serverUrl, path, init);
    if ('ok' in reply) return reply;
    if (reply.status === okStatus) {
      const parsed = schema.safeParse(reply.body);
      if (parsed.success) return { ok: true, value: parsed.data };
      return failure(
        reply.status,
        'bad_response',
        `unexpected answer from ${path}: not the Floorguard protocol`,
      );
    }
    const apiError = ApiError.safeParse(reply.body);
    if (apiError.success) {
      const { error, message, ackedSeq } = apiError.data;
      return failure(reply.status, error, message, ackedSeq);
    }
    // Not the API's error shape: a proxy or a load balancer answered. Keep the status; the body is not shown.
    return failure(reply.status, codeForStatus(reply.status), `HTTP ${reply.status} from ${path}`);
  }

  return {
    async health(serverUrl) {
      const startedAt = now();
      const reply = await exchange(serverUrl, 'v1/health', { method: 'GET', timeoutMs: shortTimeout });
      const checkedAt = new Date(now()).toISOString();
      if ('ok' in reply) return { reachable: false, checkedAt, status: reply.status, message: reply.message };
      const latencyMs = Math.max(0, now() - startedAt);
      const offset = reply.clockOffsetMs === undefined ? {} : { clockOffsetMs: reply.clockOffsetMs };
      if (reply.status === 200) return { reachable: true, checkedAt, status: 200, latencyMs, ...offset };
      const apiError = ApiError.safeParse(reply.body);
      const message = apiError.success ? apiError.data.message : `HTTP ${reply.status}`;
      return { reachable: false, checkedAt, status: reply.status, latencyMs, message, ...offset };
    },
    enroll: (serverUrl, body) =>
      call(EnrollResponse, 201, serverUrl, 'v1/devices/enroll', {
        method: 'POST',
        body,
        timeoutMs: shortTimeout,
      }),
    push: (serverUrl, token, body) =>
      call(PushResponse, 200, serverUrl, 'v1/sync/push', {
        method: 'POST',
        token,
        body,
        timeoutMs: longTimeout,
      }),
    pull: (serverUrl, token, cursor, limit) => {
      const query = new URLSearchParams({ cursor });
      if (limit !== undefined) query.set('limit', String(limit));
      return call(PullResponse, 200, serverUrl, `v1/sync/pull?${query}`, {
        method: 'GET',
        token,
        timeoutMs: longTimeout,
      });
    },
    rejected: (serverUrl, token, limit) =>
      call(RejectedResponse, 200, serverUrl, `v1/sync/rejected${limit ? `?limit=${limit}` : ''}`, {
        method: 'GET',
        token,
        timeoutMs: shortTimeout,
      }),
  };
}
