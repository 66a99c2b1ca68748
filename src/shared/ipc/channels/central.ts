import { z } from 'zod';
import {
  API_ERROR_CODES,
  EnrollRequest,
  PullResponse,
  PushRequest,
  PushResponse,
  RejectedResponse,
} from '../../sync/protocol';

/**
 * Channels of the central API client in main. The renderer's sync engine reaches the centre only through these:
 * main holds the device token (never sent to the page) and makes every HTTP request.
 */

const Empty = z.object({}).strict();

/** Why a call to the centre failed: the API's own codes, plus what can go wrong before an answer arrives. */
export const CENTRAL_FAILURE_CODES = [
  ...API_ERROR_CODES,
  /** No connection (refused, DNS, reset, offline). */
  'network',
  /** No answer within the client's time limit. */
  'timeout',
  /** This seat holds no device token (never enrolled, or unenrolled). */
  'not_enrolled',
  /** The server answered something that is not the protocol (a proxy's HTML page, a wrong URL). */
  'bad_response',
] as const;
export const CentralFailureCode = z.enum(CENTRAL_FAILURE_CODES);
export type CentralFailureCode = z.infer<typeof CentralFailureCode>;

/** A typed failure: `status` is the HTTP status, or 0 when no HTTP answer came back. */
export const CentralFailure = z.object({
  ok: z.literal(false),
  status: z.number().int().nonnegative(),
  error: CentralFailureCode,
  message: z.string(),
  /** With `seq_gap`: the highest contiguous seq the server holds for this epoch. */
  ackedSeq: z.number().int().nonnegative().optional(),
});
export type CentralFailure = z.infer<typeof CentralFailure>;

/** `{ok: true, value}` or a typed failure; both are normal answers of the channel (the IPC call itself succeeded). */
export function centralResult<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value }), CentralFailure]);
}
export type CentralResult<T> = { ok: true; value: T } | CentralFailure;

export const CentralHealth = z.object({
  /** The server answered `/v1/health` with 200. */
  reachable: z.boolean(),
  checkedAt: z.iso.datetime(),
  /** HTTP status, 0 when nothing answered. */
  status: z.number().int().nonnegative(),
  latencyMs: z.number().nonnegative().optional(),
  /** Why it is not reachable, in the server's or the network stack's words (shown as a detail). */
  message: z.string().optional(),
  /** Server clock minus this seat's clock (from the HTTP Date header, ±1 s); a wrong seat clock skews HLCs. */
  clockOffsetMs: z.number().optional(),
});
export type CentralHealth = z.infer<typeof CentralHealth>;

export const SECRET_PROTECTIONS = ['os-encrypted', 'unencrypted', 'memory'] as const;

export const CENTRAL_STATES = ['not-enrolled', 'enrolled', 'token-rejected'] as const;
export const CentralState = z.enum(CENTRAL_STATES);
export type CentralState = z.infer<typeof CentralState>;

/** What the renderer may know about the enrolment. Never the token. */
export const CentralStatus = z.object({
  /** `token-rejected`: the server answered 401 to the device token (revoked, or the server was reset). */
  state: CentralState,
  serverUrl: z.string().nullable(),
  siteCode: z.string().nullable(),
  deviceId: z.string().nullable(),
  deviceName: z.string().nullable(),
  enrolledAt: z.iso.datetime().nullable(),
  tokenRejectedAt: z.iso.datetime().nullable(),
  /** How the device token is kept on this machine; `unencrypted` is said to the user. */
  secrets: z.object({ protection: z.enum(SECRET_PROTECTIONS), detail: z.string().optional() }),
  /** The last health probe, if any. */
  health: CentralHealth.nullable(),
});
export type CentralStatus = z.infer<typeof CentralStatus>;

export const HttpServerUrl = z.url({ protocol: /^https?$/ }).max(2048);

export const CentralEnrollRequest = EnrollRequest.extend({ serverUrl: HttpServerUrl }).strict();
export type CentralEnrollRequest = z.infer<typeof CentralEnrollRequest>;

export const CentralPullRequest = z
  .object({
    /** The opaque cursor of the previous page; empty from the beginning. */
    cursor: z.string().max(32),
    limit: z.number().int().min(1).max(1000).optional(),
  })
  .strict();
export type CentralPullRequest = z.infer<typeof CentralPullRequest>;

export const centralChannels = {
  'central:status': { request: Empty, response: CentralStatus },
  'central:enroll': { request: CentralEnrollRequest, response: centralResult(CentralStatus) },
  'central:unenroll': { request: Empty, response: CentralStatus },
  'central:push': { request: PushRequest, response: centralResult(PushResponse) },
  'central:pull': { request: CentralPullRequest, response: centralResult(PullResponse) },
  'central:rejected': {
    request: z.object({ limit: z.number().int().min(1).max(500).optional() }).strict(),
    response: centralResult(RejectedResponse),
  },
  /** The enrolled server's health, or that of `serverUrl` (to test a URL before enrolling). */
  'central:health': {
    request: z.object({ serverUrl: HttpServerUrl.optional() }).strict(),
    response: CentralHealth,
  },
} as const;

/** Main → renderer: the enrolment changed (enrolled, unenrolled, token rejected, health probed). */
export const centralEvents = {
  'central:changed': CentralStatus,
} as const;
