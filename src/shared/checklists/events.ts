import { z } from 'zod';
import { HlcString } from '../sync/protocol';
import { Slug } from './schema';

/**
 * What a seat appends to the incident event log when someone works the checklist. Logs from every seat are merged
 * as a union and ordered by `hlc`, so each payload carries its own clock and author: the derivation never relies on
 * arrival order or on which seat it runs.
 */
export const CHECKLIST_EVENT_TYPES = [
  'checklist.step-checked',
  'checklist.step-unchecked',
  'checklist.step-skipped',
  'checklist.step-note',
  'checklist.callin-confirmed',
] as const;
export const ChecklistEventType = z.enum(CHECKLIST_EVENT_TYPES);
export type ChecklistEventType = z.infer<typeof ChecklistEventType>;

const Text = (max: number) => z.string().trim().max(max);

const base = {
  stepId: Slug,
  /** The agent's name as set on the seat. */
  by: Text(64).min(1),
  /** The seat's name; may be empty on a seat not yet named, and is then shown as unknown. */
  seat: Text(64),
  /** Wall-clock time on the seat, shown to people; ordering uses `hlc`. */
  at: z.iso.datetime({ offset: true }),
  hlc: HlcString,
};

export const StepCheckedPayload = z.object(base).strict();
export type StepCheckedPayload = z.infer<typeof StepCheckedPayload>;

export const StepUncheckedPayload = z.object(base).strict();
export type StepUncheckedPayload = z.infer<typeof StepUncheckedPayload>;

/** A skip needs a reason: "not applicable" must be visible in the report, not look like forgotten work. */
export const StepSkippedPayload = z.object({ ...base, reason: Text(500).min(1) }).strict();
export type StepSkippedPayload = z.infer<typeof StepSkippedPayload>;

export const StepNotePayload = z.object({ ...base, text: Text(2000).min(1) }).strict();
export type StepNotePayload = z.infer<typeof StepNotePayload>;

/** A standby person confirmed they are coming in (surge tier 2 call-in list). */
export const CallInConfirmedPayload = z.object({ ...base, person: Text(128).min(1) }).strict();
export type CallInConfirmedPayload = z.infer<typeof CallInConfirmedPayload>;

/** Payload schema per event type, for the incident log to validate what it appends and what it receives. */
export const CHECKLIST_EVENT_PAYLOADS = {
  'checklist.step-checked': StepCheckedPayload,
  'checklist.step-unchecked': StepUncheckedPayload,
  'checklist.step-skipped': StepSkippedPayload,
  'checklist.step-note': StepNotePayload,
  'checklist.callin-confirmed': CallInConfirmedPayload,
} as const satisfies Record<ChecklistEventType, z.ZodType>;

/** Same bound as a sync mutation id, since these events travel as `incident-event` mutations. */
const EventId = z.string().min(1).max(64);

/**
 * The envelope the derivation reads: the log's event id (the dedupe key), its type and payload. The incident log may
 * carry more fields (incident id, seq…); `deriveChecklist` needs only these.
 */
export const ChecklistEvent = z.discriminatedUnion('type', [
  z.object({ id: EventId, type: z.literal('checklist.step-checked'), payload: StepCheckedPayload }),
  z.object({ id: EventId, type: z.literal('checklist.step-unchecked'), payload: StepUncheckedPayload }),
  z.object({ id: EventId, type: z.literal('checklist.step-skipped'), payload: StepSkippedPayload }),
  z.object({ id: EventId, type: z.literal('checklist.step-note'), payload: StepNotePayload }),
  z.object({ id: EventId, type: z.literal('checklist.callin-confirmed'), payload: CallInConfirmedPayload }),
]);
export type ChecklistEvent = z.infer<typeof ChecklistEvent>;

export function isChecklistEventType(type: string): type is ChecklistEventType {
  return (CHECKLIST_EVENT_TYPES as readonly string[]).includes(type);
}
