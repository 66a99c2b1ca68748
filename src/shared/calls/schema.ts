import { z } from 'zod';
import { ProblemClass } from '../domain/problem-class';

/** The lifecycle of a manual call-sheet entry, in order. */
export const CALL_STATUSES = ['open', 'callback-due', 'called-back', 'entered-in-crm', 'closed'] as const;
export const CallStatus = z.enum(CALL_STATUSES);
export type CallStatus = z.infer<typeof CallStatus>;

export const CALL_DIRECTIONS = ['inbound', 'outbound'] as const;
export const CallDirection = z.enum(CALL_DIRECTIONS);

const IsoTime = z.iso.datetime({ offset: true });
const Text = (max: number) => z.string().trim().max(max);

/**
 * One row of the manual call sheet (手工记录表). Exactly six fields are required — what an agent can always
 * capture while talking — everything else is optional so that a record is never refused for a missing extra.
 */
export const CallLog = z
  .object({
    id: z.uuid({ version: 'v7' }),
    createdAt: IsoTime,
    agent: Text(64).min(1),
    /** Normalised: E.164 (`+8613812345678`) when the number parses, otherwise the digits as typed. */
    callerPhone: Text(32).min(3),
    /** A problem type id from the site policy (`login-failure`, …). */
    problemType: Text(64).min(1),
    summary: Text(4000).min(1),

    seat: Text(64).optional(),
    direction: CallDirection.optional(),
    startedAt: IsoTime.optional(),
    endedAt: IsoTime.optional(),
    callerName: Text(128).optional(),
    customerId: Text(128).optional(),
    vip: z.boolean().optional(),
    /** Derived from the problem type by the site policy when the record is made. */
    problemClass: ProblemClass.optional(),
    callbackWanted: z.boolean().optional(),
    callbackNumber: Text(32).optional(),
    callbackDueAt: IsoTime.optional(),
    complaint: z.boolean().optional(),
    /** The caller mentioned the media or a regulator (seed 004 trigger). */
    mediaMention: z.boolean().optional(),
    incidentId: Text(64).optional(),
    status: CallStatus.optional(),
    notes: z.array(z.object({ at: IsoTime, agent: Text(64), text: Text(4000).min(1) })).optional(),

    /** Sync metadata: last change (HLC), the seat that made it, and when the centre acknowledged it. */
    updatedAt: IsoTime.optional(),
    hlc: z.string().optional(),
    updatedBy: Text(64).optional(),
    syncedAt: IsoTime.optional(),
  })
  .strict();
export type CallLog = z.infer<typeof CallLog>;

export const REQUIRED_CALL_FIELDS = [
  'id',
  'createdAt',
  'agent',
  'callerPhone',
  'problemType',
  'summary',
] as const;
