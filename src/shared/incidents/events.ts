import { z } from 'zod';
import { CHECKLIST_EVENT_PAYLOADS } from '../checklists/events';
import { ChecklistTemplate } from '../checklists/schema';
import { LevelId, RoleId } from '../policy';
import { HlcString } from '../sync/protocol';

/*
 * The incident log: append-only events, merged by union across seats and ordered by `hlc`. Every row is
 * self-contained (`{ id, incidentId, hlc, type, …, payload }`) so the sync engine can store what it pulls without
 * knowing incidents, and every seat derives the same state from the same set of rows. State is never stored.
 */

const Text = (max: number) => z.string().trim().max(max);
const IsoTime = z.iso.datetime({ offset: true });
const Slug = z
  .string()
  .max(64)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case');

export const EventId = z.uuid({ version: 'v7' });
export const IncidentId = z.uuid({ version: 'v7' });

/** The incident roles the lead assigns (DOMAIN §5: the owner pushes the fix, comms gives the statement, a scribe logs). */
export const INCIDENT_ROLES = ['owner', 'comms', 'scribe'] as const;
export const IncidentRole = z.enum(INCIDENT_ROLES);
export type IncidentRole = z.infer<typeof IncidentRole>;

export const DeclaredPayload = z
  .object({
    /** A scenario id (`SCENARIO_IDS`, or one a site added through a template). */
    scenario: Slug,
    level: LevelId,
    description: Text(2000),
    templateId: Slug,
    templateVersion: z.number().int().min(1),
    /**
     * The template as it was at declaration: every seat runs and reports exactly these steps, even one that never
     * received that version or after the site replaced it. Absent in declarations from before it was recorded.
     */
    template: ChecklistTemplate.optional(),
    /** What the call-sheet counts graded (null: nothing reached a band), and why — kept for the report. */
    suggestedLevel: LevelId.nullable(),
    suggestionReasons: z.array(Text(300)).max(20),
    overrideReason: Text(500).min(1).optional(),
  })
  .strict()
  .refine(
    (p) => p.suggestedLevel === null || p.level === p.suggestedLevel || p.overrideReason !== undefined,
    { message: 'a level other than the suggested one needs a reason', path: ['overrideReason'] },
  );
export type DeclaredPayload = z.infer<typeof DeclaredPayload>;

export const LevelChangedPayload = z
  .object({ from: LevelId, to: LevelId, reason: Text(500).min(1) })
  .strict()
  .refine((p) => p.from !== p.to, { message: 'the level did not change', path: ['to'] });
export type LevelChangedPayload = z.infer<typeof LevelChangedPayload>;

/**
 * One call of the escalation chain. `step` is the index in the chain of `level`; `role` is repeated so that a changed
 * policy (a step moved) never credits a call to the wrong step.
 */
export const ContactPayload = z
  .object({ personId: Slug, role: RoleId, step: z.number().int().min(0).max(200), level: LevelId })
  .strict();
export type ContactPayload = z.infer<typeof ContactPayload>;

/**
 * The floor alerted the command centre (应急指挥中心): a step of the chain ran out of people to call (`step`), or the
 * lead judged it necessary. Its record of who and when is what the report shows.
 */
export const CommandCentreAlertedPayload = z
  .object({
    level: LevelId,
    step: z.number().int().min(0).max(200).optional(),
    note: Text(500).optional(),
  })
  .strict();
export type CommandCentreAlertedPayload = z.infer<typeof CommandCentreAlertedPayload>;

export const RoleAssignedPayload = z
  .object({
    role: IncidentRole,
    personId: Slug,
    /** The name as the contact tree had it, so the report reads the same after the tree changes. */
    name: Text(128).min(1),
  })
  .strict();
export type RoleAssignedPayload = z.infer<typeof RoleAssignedPayload>;

/** 统一口径: the one statement every channel gives. */
export const StatementPayload = z.object({ text: Text(2000).min(1) }).strict();
export type StatementPayload = z.infer<typeof StatementPayload>;

export const NotePayload = z
  .object({
    text: Text(4000).min(1),
    /** A status update owed at the level's cadence (escalation.statusUpdateMinutes), not just a remark. */
    statusUpdate: z.boolean().optional(),
    /** Where an automatic note came from (`power`, `lines`), absent when a person wrote it. */
    source: Slug.optional(),
    /** A note that fills a field of the close-out report (`report-why`, …); absent for a plain remark. */
    kind: Slug.optional(),
  })
  .strict();
export type NotePayload = z.infer<typeof NotePayload>;

export const ResolvedPayload = z.object({ summary: Text(2000).optional() }).strict();
export type ResolvedPayload = z.infer<typeof ResolvedPayload>;

export const ReopenedPayload = z.object({ reason: Text(500).min(1) }).strict();
export type ReopenedPayload = z.infer<typeof ReopenedPayload>;

/** DOMAIN §6 criteria; `none` when no criterion reached above the lowest level. */
export const DECIDING_CRITERIA = ['availability', 'loss', 'complaints', 'none'] as const;
export const DecidingCriterion = z.enum(DECIDING_CRITERIA);
export type DecidingCriterion = z.infer<typeof DecidingCriterion>;

/** The close-out grade (`gradeFinal`), with its inputs so anyone can check it against the policy. */
export const FinalGradedPayload = z
  .object({
    level: LevelId,
    availabilityHours: z
      .number()
      .min(0)
      .max(24 * 365),
    lossCny: z.number().min(0),
    complaintLevel: LevelId.nullable(),
    decidingCriterion: DecidingCriterion,
    reasons: z.array(Text(300)).max(10),
  })
  .strict();
export type FinalGradedPayload = z.infer<typeof FinalGradedPayload>;

/** Payload schema per event type. Checklist events reuse the checklist module's payloads as they are. */
export const INCIDENT_EVENT_PAYLOADS = {
  'incident.declared': DeclaredPayload,
  'incident.level-changed': LevelChangedPayload,
  'incident.person-notified': ContactPayload,
  'incident.acknowledged': ContactPayload,
  'incident.no-answer': ContactPayload,
  'incident.command-centre-alerted': CommandCentreAlertedPayload,
  'incident.role-assigned': RoleAssignedPayload,
  'incident.statement-issued': StatementPayload,
  'incident.note': NotePayload,
  'incident.resolved': ResolvedPayload,
  'incident.final-graded': FinalGradedPayload,
  'incident.reopened': ReopenedPayload,
  ...CHECKLIST_EVENT_PAYLOADS,
} as const;
export type IncidentEventType = keyof typeof INCIDENT_EVENT_PAYLOADS;
export const INCIDENT_EVENT_TYPES = Object.keys(INCIDENT_EVENT_PAYLOADS) as IncidentEventType[];
export type PayloadOf<T extends IncidentEventType> = z.output<(typeof INCIDENT_EVENT_PAYLOADS)[T]>;

/** What every row carries besides its type and payload. */
export const envelopeShape = {
  id: EventId,
  incidentId: IncidentId,
  hlc: HlcString,
  /** The person at the seat (agent name); may be empty on a seat where nobody set it, shown as unknown. */
  author: Text(64),
  seat: Text(64),
  /** When it happened on the floor (the seat's clock; a tray action keeps the moment it was clicked). */
  occurredAt: IsoTime,
  /** When this seat wrote it. */
  recordedAt: IsoTime,
  /** Set by the sync engine once the centre acknowledged it. */
  syncedAt: IsoTime.optional(),
};

function row<T extends IncidentEventType>(type: T) {
  return z
    .object({ ...envelopeShape, type: z.literal(type), payload: INCIDENT_EVENT_PAYLOADS[type] })
    .strict();
}

export const IncidentEvent = z.discriminatedUnion('type', [
  row('incident.declared'),
  row('incident.level-changed'),
  row('incident.person-notified'),
  row('incident.acknowledged'),
  row('incident.no-answer'),
  row('incident.command-centre-alerted'),
  row('incident.role-assigned'),
  row('incident.statement-issued'),
  row('incident.note'),
  row('incident.resolved'),
  row('incident.final-graded'),
  row('incident.reopened'),
  row('checklist.step-checked'),
  row('checklist.step-unchecked'),
  row('checklist.step-skipped'),
  row('checklist.step-note'),
  row('checklist.callin-confirmed'),
]);
export type IncidentEvent = z.infer<typeof IncidentEvent>;
export type IncidentEventOf<T extends IncidentEventType> = Extract<IncidentEvent, { type: T }>;

export const CONTACT_EVENT_TYPES = [
  'incident.person-notified',
  'incident.acknowledged',
  'incident.no-answer',
] as const satisfies readonly IncidentEventType[];
export type ContactEventType = (typeof CONTACT_EVENT_TYPES)[number];
export type ContactEvent = IncidentEventOf<ContactEventType>;

export function isContactEvent(event: IncidentEvent): event is ContactEvent {
  return (CONTACT_EVENT_TYPES as readonly string[]).includes(event.type);
}

/**
 * Reads rows from storage or the network: each row stands alone, so one bad row (a newer seat's event type, a
 * corrupted write) is reported and skipped rather than hiding the whole incident.
 */
export function parseIncidentEvents(rows: readonly unknown[]): {
  events: IncidentEvent[];
  problems: string[];
} {
  const events: IncidentEvent[] = [];
  const problems: string[] = [];
  rows.forEach((raw, index) => {
    const parsed = IncidentEvent.safeParse(raw);
    if (parsed.success) events.push(parsed.data);
    else
      problems.push(
        `event ${index}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
      );
  });
  return { events, problems };
}
