import type { IncidentEvent } from '../incidents/events';

/**
 * The free-text parts of the report (DOMAIN §9, seed 003 第六篇 §3): site, impact, measures, trend, 5W1H, actions and
 * sign-off. Each is an `incident.note` with `kind: report-<field>`, so it syncs and journals like any event and the
 * timeline shows who wrote what; the latest note of a kind (log order) is the field's value.
 */
export const REPORT_FIELDS = [
  'site-name',
  'site-location',
  'impact-customers',
  'impact-people',
  'impact-scope',
  'measures',
  'control',
  'trend',
  'other',
  'what',
  'why',
  'who',
  'when',
  'where',
  'how',
  'actions',
  'kb-changes',
  'prepared-by',
  'approved-by',
  'signed-at',
] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];

export const ROOT_CAUSE_FIELDS = [
  'what',
  'why',
  'who',
  'when',
  'where',
  'how',
] as const satisfies readonly ReportField[];

const PREFIX = 'report-';
/** Why the availability impact differs from the timeline's; the note's text is the reason. */
export const AVAILABILITY_REASON_KIND = 'closeout-availability';

export const noteKindOf = (field: ReportField): string => `${PREFIX}${field}`;

export function fieldOfKind(kind: string | undefined): ReportField | undefined {
  if (kind === undefined || !kind.startsWith(PREFIX)) return undefined;
  const field = kind.slice(PREFIX.length);
  return (REPORT_FIELDS as readonly string[]).includes(field) ? (field as ReportField) : undefined;
}

export type ReportFields = Partial<Record<ReportField, string>>;

/** The current value of each field: events are in log (HLC) order, so the last note of a kind wins. */
export function readReportFields(events: readonly IncidentEvent[]): ReportFields {
  const fields: ReportFields = {};
  for (const event of events) {
    if (event.type !== 'incident.note') continue;
    const field = fieldOfKind(event.payload.kind);
    if (field) fields[field] = event.payload.text;
  }
  return fields;
}

/** Notes written by the close-out (report fields, the availability reason), kept out of the report's timeline. */
export function isCloseoutNote(event: IncidentEvent): boolean {
  return (
    event.type === 'incident.note' &&
    (fieldOfKind(event.payload.kind) !== undefined || event.payload.kind === AVAILABILITY_REASON_KIND)
  );
}
