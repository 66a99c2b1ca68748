import { z } from 'zod';
import { HLC_PATTERN } from './hlc';

/**
 * The sync protocol between a seat and the central API, shared by the renderer's engine and `server/`.
 * A seat's local database has an `epoch` (random, made with the database); within it, mutations carry a
 * contiguous `seq` from 1. The server acknowledges the highest contiguous seq it has applied.
 */
/** `contact`: a lead's edit of one person of the contact tree (ContactEdit, last writer wins per person). */
export const SYNC_ENTITIES = ['call', 'incident-event', 'contact'] as const;
export const SyncEntity = z.enum(SYNC_ENTITIES);
export type SyncEntity = z.infer<typeof SyncEntity>;

export const MUTATION_OPS = ['upsert', 'append', 'delete'] as const;
export const MutationOp = z.enum(MUTATION_OPS);
export type MutationOp = z.infer<typeof MutationOp>;

export const HlcString = z.string().regex(HLC_PATTERN, 'must be an HLC timestamp');

export const Mutation = z
  .object({
    /** Unique id of this mutation (UUIDv7). */
    id: z.string().min(1).max(64),
    seq: z.number().int().positive(),
    entity: SyncEntity,
    entityId: z.string().min(1).max(64),
    op: MutationOp,
    /** The entity's whole new state (upsert) or the event (append); checked against the entity schema separately. */
    data: z.unknown(),
    hlc: HlcString,
  })
  .strict();
export type Mutation = z.infer<typeof Mutation>;

export const MAX_BATCH = 500;

export const PushRequest = z
  .object({
    epoch: z.string().min(8).max(64),
    mutations: z.array(Mutation).max(MAX_BATCH),
  })
  .strict();
export type PushRequest = z.infer<typeof PushRequest>;

export const Rejection = z.object({ id: z.string(), error: z.string() });

export const PushResponse = z.object({
  ackedSeq: z.number().int().nonnegative(),
  applied: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
  rejected: z.array(Rejection),
});
export type PushResponse = z.infer<typeof PushResponse>;

export const Change = z.object({
  entity: z.string(),
  entityId: z.string(),
  op: MutationOp,
  data: z.unknown(),
  hlc: HlcString,
  deviceId: z.string(),
});
export type Change = z.infer<typeof Change>;

export const PullResponse = z.object({
  changes: z.array(Change),
  cursor: z.string(),
  hasMore: z.boolean(),
});
export type PullResponse = z.infer<typeof PullResponse>;

export const API_ERROR_CODES = [
  'invalid_request',
  'unauthorized',
  'forbidden',
  'seq_gap',
  'payload_too_large',
  'rate_limited',
  'internal',
  // Added with the central API: enrolment, admin and health endpoints.
  'not_found',
  'conflict',
  'unavailable',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];
export const ApiError = z.object({
  error: z.enum(API_ERROR_CODES),
  message: z.string(),
  ackedSeq: z.number().int().nonnegative().optional(),
});
export type ApiError = z.infer<typeof ApiError>;

// ---- Added with the central API (server/): additive only. ----

/** Site configuration published centrally and delivered by pull as entity `site-config`, entityId = kind. */
export const SITE_CONFIG_ENTITY = 'site-config';
export const SITE_CONFIG_KINDS = ['policy', 'contacts', 'checklists'] as const;
export const SiteConfigKind = z.enum(SITE_CONFIG_KINDS);
export type SiteConfigKind = z.infer<typeof SiteConfigKind>;

export const EnrollRequest = z
  .object({
    siteCode: z.string().min(1).max(64),
    enrollmentKey: z.string().min(1).max(256),
    deviceName: z.string().trim().min(1).max(128),
  })
  .strict();
export type EnrollRequest = z.infer<typeof EnrollRequest>;

export const EnrollResponse = z.object({ deviceId: z.string(), token: z.string() });
export type EnrollResponse = z.infer<typeof EnrollResponse>;

/** A mutation the server kept aside (quarantine) because its data failed the entity schema. */
export const RejectedMutation = z.object({
  id: z.string(),
  epoch: z.string(),
  seq: z.number().int().positive(),
  entity: z.string(),
  entityId: z.string(),
  op: z.string(),
  hlc: z.string(),
  error: z.string(),
  receivedAt: z.string(),
  /** The data as received (JSON text), so nothing is lost. */
  data: z.string(),
});
export type RejectedMutation = z.infer<typeof RejectedMutation>;

export const RejectedResponse = z.object({ rejected: z.array(RejectedMutation) });
export type RejectedResponse = z.infer<typeof RejectedResponse>;
