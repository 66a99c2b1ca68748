import { TZDate } from '@date-fns/tz';
import { addDays, format, startOfWeek } from 'date-fns';
import { callbackOwed } from '../calls/filter';
import type { CallLog } from '../calls/schema';
import type { ChecklistTemplate } from '../checklists/schema';
import type { IncidentState } from '../incidents/derive';
import type { DecidingCriterion } from '../incidents/events';
import type { LevelId, SitePolicy } from '../policy';
import type { Locale } from '../settings/schema';
import { roundHours } from './availability';
import { callsInWindow } from './call-stats';
import { complianceCounts, type ComplianceStatus } from './compliance';
import type { ReportDocument } from './document';
import { buildIncidentReport } from './report';
import { wording } from './wording';

/** Seed 002 §5: a weekly meeting reviews the past week's problems and how they were handled. */
export interface WeeklyReview {
  from: string;
  to: string;
  incidents: {
    id: string;
    scenario: string;
    declaredAt: string;
    status: 'open' | 'resolved';
    preliminary: LevelId;
    final: LevelId | null;
    decidingCriterion: DecidingCriterion | null;
    availabilityHours: number;
    lossCny: number | null;
    compliance: Record<ComplianceStatus, number>;
  }[];
  openCallbacks: Pick<
    CallLog,
    'id' | 'createdAt' | 'callerPhone' | 'callbackNumber' | 'problemType' | 'callbackDueAt'
  >[];
  /** Problem types seen on two or more days, or in two or more incidents: the ones to fix for good. */
  repeated: { problemType: string; calls: number; incidents: number; days: number }[];
}

/** Monday 00:00 of the week containing `at`, in the site's zone. */
export function weekStartOf(at: Date, timeZone: string): Date {
  return new Date(startOfWeek(new TZDate(at.getTime(), timeZone), { weekStartsOn: 1 }).getTime());
}

export function buildWeeklyReview(input: {
  policy: SitePolicy;
  incidents: readonly IncidentState[];
  calls: readonly CallLog[];
  templates: readonly ChecklistTemplate[];
  weekStart: Date;
  now: Date;
}): WeeklyReview {
  const zone = input.policy.calendar.timeZone;
  const from = new TZDate(input.weekStart.getTime(), zone);
  // Seven calendar days of the site, so a daylight-saving week is still Monday to Monday.
  const to = new Date(addDays(from, 7).getTime() - 1);
  const week = { start: new Date(from.getTime()), end: to };
  const inWeek = (iso: string) =>
    Date.parse(iso) >= week.start.getTime() && Date.parse(iso) <= week.end.getTime();

  const reports = input.incidents
    .filter((incident) => inWeek(incident.declared.at))
    .sort((a, b) => Date.parse(a.declared.at) - Date.parse(b.declared.at))
    .map((incident) =>
      buildIncidentReport({
        policy: input.policy,
        incident,
        calls: input.calls,
        templates: input.templates,
        now: input.now,
      }),
    );

  const weekCalls = callsInWindow(input.calls, week);
  const byType = new Map<string, { calls: number; days: Set<string>; incidents: Set<string> }>();
  for (const call of weekCalls) {
    const row = byType.get(call.problemType) ?? {
      calls: 0,
      days: new Set<string>(),
      incidents: new Set<string>(),
    };
    row.calls++;
    row.days.add(format(new TZDate(Date.parse(call.createdAt), zone), 'yyyy-MM-dd'));
    const at = Date.parse(call.createdAt);
    for (const report of reports) {
      const start = Date.parse(report.periods[0]?.start ?? report.declared.at);
      const end = report.recoveredAt ? Date.parse(report.recoveredAt) : input.now.getTime();
      if (call.incidentId === report.incidentId || (at >= start && at <= end))
        row.incidents.add(report.incidentId);
    }
    byType.set(call.problemType, row);
  }

  return {
    from: week.start.toISOString(),
    to: week.end.toISOString(),
    incidents: reports.map((r) => ({
      id: r.incidentId,
      scenario: r.scenario,
      declaredAt: r.declared.at,
      status: r.status,
      preliminary: r.levels.preliminary,
      final: r.final?.level ?? null,
      decidingCriterion: r.final?.decidingCriterion ?? null,
      availabilityHours: r.final?.availabilityHours ?? r.computedAvailabilityHours,
      lossCny: r.final?.lossCny ?? null,
      compliance: complianceCounts([...r.compliance.clocks, ...r.compliance.steps]),
    })),
    openCallbacks: weekCalls
      .filter(callbackOwed)
      .sort((a, b) => (a.callbackDueAt ?? a.createdAt).localeCompare(b.callbackDueAt ?? b.createdAt))
      .map(({ id, createdAt, callerPhone, callbackNumber, problemType, callbackDueAt }) => ({
        id,
        createdAt,
        callerPhone,
        problemType,
        ...(callbackNumber !== undefined ? { callbackNumber } : {}),
        ...(callbackDueAt !== undefined ? { callbackDueAt } : {}),
      })),
    repeated: [...byType]
      .map(([problemType, row]) => ({
        problemType,
        calls: row.calls,
        incidents: row.incidents.size,
        days: row.days.size,
      }))
      .filter((row) => row.days >= 2 || row.incidents >= 2)
      .sort((a, b) => b.calls - a.calls || a.problemType.localeCompare(b.problemType)),
  };
}

export function weeklyDocument(review: WeeklyReview, policy: SitePolicy, locale: Locale): ReportDocument {
  const w = wording(policy, locale);
  const m = w.m.weekly;
  const d = w.m.doc;
  const day = (iso: string) => w.time(iso).slice(0, 10);
  return {
    title: m.title,
    meta: [w.fmt(m.range, { from: day(review.from), to: day(review.to) }), m.agenda],
    blocks: [
      { kind: 'heading', text: m.incidents },
      review.incidents.length
        ? {
            kind: 'table',
            testId: 'weekly-incidents',
            nowrap: [0],
            head: [
              d.declaredAt,
              d.scenario,
              d.preliminaryLevel,
              d.finalLevel,
              d.deciding,
              d.availability,
              d.loss,
              m.compliance,
            ],
            rows: review.incidents.map((i) => [
              w.time(i.declaredAt),
              w.scenario(i.scenario),
              w.level(i.preliminary),
              i.final ? w.level(i.final) : d.finalPending,
              i.decidingCriterion ? w.m.criterion[i.decidingCriterion] : '—',
              w.fmt(d.availabilityHours, { hours: w.number(roundHours(i.availabilityHours)) }),
              i.lossCny === null ? '—' : w.fmt(d.lossValue, { amount: w.number(i.lossCny) }),
              w.fmt(m.complianceValue, {
                met: i.compliance.met,
                missed: i.compliance.missed,
                notDone: i.compliance['not-done'],
              }),
            ]),
          }
        : { kind: 'paragraph', text: m.noIncidents },
      { kind: 'heading', text: m.openCallbacks },
      review.openCallbacks.length
        ? {
            kind: 'table',
            nowrap: [0, 3],
            head: [d.time, m.caller, d.problemType, m.due],
            rows: review.openCallbacks.map((c) => [
              w.time(c.createdAt),
              c.callbackNumber ?? c.callerPhone,
              w.problemType(c.problemType),
              c.callbackDueAt ? w.time(c.callbackDueAt) : '—',
            ]),
          }
        : { kind: 'paragraph', text: m.noOpenCallbacks },
      { kind: 'heading', text: m.repeated },
      review.repeated.length
        ? {
            kind: 'table',
            head: [d.problemType, d.calls, m.incidentsCount, m.days],
            rows: review.repeated.map((r) => [
              w.problemType(r.problemType),
              String(r.calls),
              String(r.incidents),
              String(r.days),
            ]),
          }
        : { kind: 'paragraph', text: m.noRepeated },
    ],
  };
}
