import type { CallLog } from '../calls/schema';
import { pickTemplate } from '../checklists/resolve';
import type { Bilingual, ChecklistTemplate } from '../checklists/schema';
import { deadlines, type TimeKind } from '../grading/deadlines';
import type { IncidentState, LevelChange, RoleHolder } from '../incidents/derive';
import {
  isContactEvent,
  type ContactEvent,
  type FinalGradedPayload,
  type IncidentEvent,
  type IncidentRole,
} from '../incidents/events';
import type { LevelId, SitePolicy } from '../policy';
import { availabilityHours, impactPeriods, incidentWindow, type ImpactPeriod } from './availability';
import { callStats, type CallStats } from './call-stats';
import { gradeComplaints, type ComplaintGrade } from './complaints';
import {
  clockCompliance,
  closedChecklist,
  stepCompliance,
  type ClockCompliance,
  type StepCompliance,
} from './compliance';
import { AVAILABILITY_REASON_KIND, isCloseoutNote, readReportFields, type ReportFields } from './fields';

export interface FinalSection extends FinalGradedPayload {
  at: string;
  author: string;
  /** What the timeline gives, to show next to an edited figure. */
  computedAvailabilityHours: number;
  availabilityReason?: string;
}

export interface ChecklistSection {
  templateId: string;
  title: Bilingual;
  done: number;
  skipped: number;
  visible: number;
  steps: {
    id: string;
    text: Bilingual;
    state: 'pending' | 'done' | 'skipped';
    at?: string;
    by?: string;
    reason?: string;
  }[];
}

/** Everything DOMAIN §9 asks for, language-neutral (ids, ISO times); `reportDocument` words it. */
export interface IncidentReport {
  incidentId: string;
  scenario: string;
  description: string;
  declared: { at: string; author: string; seat: string };
  clockStart: string;
  timeKind: TimeKind;
  status: 'open' | 'resolved';
  periods: ImpactPeriod[];
  recoveredAt: string | null;
  levels: {
    preliminary: LevelId;
    suggested: LevelId | null;
    suggestionReasons: string[];
    overrideReason?: string;
    changes: LevelChange[];
    current: LevelId;
  };
  /** The final grade in force: null until graded, and again after a reopen until graded anew. */
  final: FinalSection | null;
  computedAvailabilityHours: number;
  complaints: ComplaintGrade;
  roles: Partial<Record<IncidentRole, RoleHolder>>;
  statement?: string;
  fields: ReportFields;
  /** The incident's log minus the close-out's own notes (they are the report's fields). */
  timeline: IncidentEvent[];
  escalation: ContactEvent[];
  compliance: { clocks: ClockCompliance[]; steps: StepCompliance[] };
  checklist: ChecklistSection | null;
  /** Every step text of the incident's template by id, so the timeline names steps rather than ids. */
  stepTexts: Record<string, Bilingual>;
  calls: CallStats;
  generatedAt: string;
}

export interface ReportInput {
  policy: SitePolicy;
  incident: IncidentState;
  /** The call sheet (any superset: only calls inside the incident window are counted). */
  calls: readonly CallLog[];
  templates: readonly ChecklistTemplate[];
  now: Date;
}

/** The grade is in force when no reopen came after it. */
function currentFinal(incident: IncidentState): IncidentEvent | undefined {
  let final: IncidentEvent | undefined;
  for (const event of incident.events) {
    if (event.type === 'incident.final-graded') final = event;
    if (event.type === 'incident.reopened') final = undefined;
  }
  return final;
}

function lastAvailabilityReason(events: readonly IncidentEvent[]): string | undefined {
  let reason: string | undefined;
  for (const e of events)
    if (e.type === 'incident.note' && e.payload.kind === AVAILABILITY_REASON_KIND) reason = e.payload.text;
  return reason;
}

export function buildIncidentReport({
  policy,
  incident,
  calls,
  templates,
  now,
}: ReportInput): IncidentReport {
  const periods = impactPeriods(incident.events);
  const window = incidentWindow(periods, now);
  const end = window.end;
  const computed = availabilityHours(periods, now);
  const recoveredAt = incident.status === 'resolved' ? (periods.at(-1)?.end ?? null) : null;
  const declaredLevel = incident.levelChanges[0]?.from ?? incident.level;
  const clocks = deadlines(policy, declaredLevel, new Date(incident.declared.at));

  const finalEvent = currentFinal(incident);
  let final: FinalSection | null = null;
  if (finalEvent?.type === 'incident.final-graded') {
    const reason = lastAvailabilityReason(incident.events);
    final = {
      ...finalEvent.payload,
      at: finalEvent.occurredAt,
      author: finalEvent.author,
      computedAvailabilityHours: computed,
      ...(reason !== undefined ? { availabilityReason: reason } : {}),
    };
  }

  const template = incident.template ?? pickTemplate(templates, incident.scenario, incident.templateVersion);
  const derived = template ? closedChecklist(template, incident, end, recoveredAt ?? undefined) : null;
  const checklist: ChecklistSection | null =
    template && derived
      ? {
          templateId: template.id,
          title: template.title,
          done: derived.progress.done,
          skipped: derived.progress.skipped,
          visible: derived.progress.visible,
          steps: derived.steps
            .filter((s) => s.visible)
            .map((s) => ({
              id: s.step.id,
              text: s.step.text,
              state: s.state,
              ...(s.lastChange && s.state !== 'pending' ? { at: s.lastChange.at, by: s.lastChange.by } : {}),
              ...(s.skipReason !== undefined ? { reason: s.skipReason } : {}),
            })),
        }
      : null;

  return {
    incidentId: incident.id,
    scenario: incident.scenario,
    description: incident.description,
    declared: { at: incident.declared.at, author: incident.declared.author, seat: incident.declared.seat },
    clockStart: clocks.clockStart.toISOString(),
    timeKind: clocks.timeKind,
    status: incident.status,
    periods,
    recoveredAt,
    levels: {
      preliminary: declaredLevel,
      suggested: incident.suggestedLevel,
      suggestionReasons: incident.suggestionReasons,
      ...(incident.overrideReason !== undefined ? { overrideReason: incident.overrideReason } : {}),
      changes: incident.levelChanges,
      current: incident.level,
    },
    final,
    computedAvailabilityHours: computed,
    complaints: gradeComplaints(policy, calls, window),
    roles: incident.roles,
    ...(incident.statement ? { statement: incident.statement.text } : {}),
    fields: readReportFields(incident.events),
    timeline: incident.events.filter((e) => !isCloseoutNote(e)),
    escalation: incident.events.filter(isContactEvent),
    compliance: {
      clocks: clockCompliance(policy, incident, end),
      steps: derived ? stepCompliance(derived, incident, end) : [],
    },
    checklist,
    stepTexts: Object.fromEntries((template?.steps ?? []).map((st) => [st.id, st.text])),
    calls: callStats(calls, window, policy.calendar.timeZone),
    generatedAt: now.toISOString(),
  };
}
