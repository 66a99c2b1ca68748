import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { CallLog } from '@shared/calls/schema';
import {
  availabilityHours,
  finalGrade,
  gradeComplaints,
  impactPeriods,
  roundHours,
  type ComplaintGrade,
  type FinalGradeResult,
} from '@shared/closeout';
import type { IncidentState } from '@shared/incidents';
import type { SitePolicy } from '@shared/policy';

/** `yyyy-MM-ddTHH:mm` in the site's zone, for a datetime-local input. */
export function toLocalInput(at: Date, zone: string): string {
  return format(new TZDate(at.getTime(), zone), "yyyy-MM-dd'T'HH:mm");
}

/** A datetime-local value read in the site's zone (not the machine's); null when incomplete. */
export function fromLocalInput(value: string, zone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [y, mo, d, h, mi] = match.slice(1).map(Number) as [number, number, number, number, number];
  return new Date(new TZDate(y, mo - 1, d, h, mi, zone).getTime());
}

/** A number typed by a person: blank → undefined, anything not a number ≥ 0 → NaN. */
export function parseAmount(text: string): number | undefined {
  const trimmed = text.replace(/[,，\s]/g, '');
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) && value >= 0 ? value : Number.NaN;
}

export interface CloseoutPreview {
  computedHours: number;
  /** The figure graded: the typed one when it differs from the timeline's, else the exact computed one. */
  hours: number;
  edited: boolean;
  complaints: ComplaintGrade;
  final: FinalGradeResult | null;
}

/**
 * What the close-out would record if submitted now: availability from the timeline up to the recovery time
 * (editable), complaint volume over the window, and the final grade. Null grade while a figure is invalid.
 */
export function previewCloseout(input: {
  policy: SitePolicy;
  incident: IncidentState;
  calls: readonly CallLog[];
  recoveredAt: Date;
  availabilityText: string;
  lossText: string;
}): CloseoutPreview {
  const periods = impactPeriods(input.incident.events);
  // An open incident's last period runs to the recovery time being entered.
  const computedHours = availabilityHours(periods, input.recoveredAt);
  const typed = parseAmount(input.availabilityText);
  const edited = typed !== undefined && !Number.isNaN(typed) && typed !== roundHours(computedHours);
  const hours = edited && typed !== undefined ? typed : computedHours;
  const start = new Date(periods[0]?.start ?? input.incident.declared.at);
  const complaints = gradeComplaints(input.policy, input.calls, { start, end: input.recoveredAt });
  const loss = parseAmount(input.lossText) ?? 0;
  const valid = !Number.isNaN(loss) && !(typed !== undefined && Number.isNaN(typed));
  return {
    computedHours,
    hours,
    edited,
    complaints,
    final: valid
      ? finalGrade(input.policy, {
          availabilityHours: hours,
          lossCny: loss,
          complaintLevel: complaints.level,
        })
      : null,
  };
}
