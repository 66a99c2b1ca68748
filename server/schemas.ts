import { z } from 'zod';
import { ApiError } from '@shared/sync/protocol';
import { CURSOR_PATTERN } from './sync/changes';

/** Schemas of the admin and health endpoints: operator-facing, so they live with the server, not in src/shared. */

export const SiteCode = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,31}$/, 'lowercase letters, digits and dashes, 2–32');

export const CreateSiteRequest = z
  .object({ code: SiteCode, name: z.string().trim().min(1).max(128) })
  .strict();
export const CreateSiteResponse = z.object({
  siteId: z.string(),
  code: z.string(),
  enrollmentKey: z.string(),
});

export const RevokeResponse = z.object({ deviceId: z.string(), revokedAt: z.string() });

export const PublishConfigResponse = z.object({ site: z.string(), kind: z.string(), hlc: z.string() });

export const QuarantineQuery = z
  .object({
    site: SiteCode.optional(),
    after: z
      .string()
      .regex(/^\d{1,15}$/)
      .optional(),
    limit: z
      .string()
      .regex(/^\d{1,4}$/)
      .optional(),
  })
  .strict();

export const QuarantineItem = z.object({
  quarantineId: z.string(),
  siteCode: z.string(),
  deviceId: z.string(),
  id: z.string(),
  epoch: z.string(),
  seq: z.number(),
  entity: z.string(),
  entityId: z.string(),
  op: z.string(),
  hlc: z.string(),
  error: z.string(),
  receivedAt: z.string(),
  data: z.string(),
});
export const QuarantineResponse = z.object({ items: z.array(QuarantineItem), next: z.string().nullable() });

export const HealthResponse = z.object({ status: z.literal('ok') });

export const CompactRequest = z
  .object({
    /** Superseded changes younger than this stay (for audit and troubleshooting). */
    olderThanDays: z.number().int().min(0).max(3650),
  })
  .strict();
export const CompactResponse = z.object({ deleted: z.number().int().nonnegative() });

export const PullQuery = z
  .object({
    cursor: z.string().regex(CURSOR_PATTERN, 'a cursor returned by a previous pull, or empty').optional(),
    limit: z
      .string()
      .regex(/^\d{1,4}$/)
      .optional(),
  })
  .strict();

export const RejectedQuery = z
  .object({
    limit: z
      .string()
      .regex(/^\d{1,4}$/)
      .optional(),
  })
  .strict();

/** Error responses, declared per status so that they appear in the OpenAPI document. */
export const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [status, ApiError]));

/** Parses an optional numeric query value already checked by a regex, clamped to [1, max]. */
export function clampLimit(raw: string | undefined, fallback: number, max: number): number {
  const value = raw === undefined ? fallback : Number(raw);
  return Math.min(Math.max(value, 1), max);
}
