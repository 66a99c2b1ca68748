import type { IncidentEvent } from '../incidents/events';
import type { SitePolicy } from '../policy';
import type { Locale } from '../settings/schema';
import { roundHours } from './availability';
import type { Block, ReportDocument } from './document';
import { ROOT_CAUSE_FIELDS } from './fields';
import type { IncidentReport } from './report';
import { wording, type Wording } from './wording';

function describe(w: Wording, e: IncidentEvent, steps: IncidentReport['stepTexts']): string {
  const tl = w.m.doc.timeline;
  const step = (id: string) => {
    const text = steps[id];
    return text ? w.bilingual(text) : id;
  };
  switch (e.type) {
    case 'incident.declared':
      return w.fmt(tl.declared, {
        scenario: w.scenario(e.payload.scenario, e.payload.template?.title),
        level: w.level(e.payload.level),
      });
    case 'incident.level-changed':
      return w.fmt(tl.levelChanged, {
        from: w.level(e.payload.from),
        to: w.level(e.payload.to),
        reason: e.payload.reason,
      });
    case 'incident.person-notified':
    case 'incident.acknowledged':
    case 'incident.no-answer':
      return w.fmt(tl.contact, {
        action: w.m.doc.contact[e.type],
        name: w.person(e.payload.personId),
        role: w.role(e.payload.role),
      });
    case 'incident.command-centre-alerted':
      return e.payload.note ? `${tl.commandCentre}: ${e.payload.note}` : tl.commandCentre;
    case 'incident.role-assigned':
      return w.fmt(tl.roleAssigned, { role: w.m.doc.incidentRole[e.payload.role], name: e.payload.name });
    case 'incident.statement-issued':
      return w.fmt(tl.statement, { text: e.payload.text });
    case 'incident.note':
      return w.fmt(tl.note, { text: e.payload.text });
    case 'incident.resolved':
      return tl.resolved;
    case 'incident.reopened':
      return w.fmt(tl.reopened, { reason: e.payload.reason });
    case 'incident.final-graded':
      return w.fmt(tl.finalGraded, {
        level: w.level(e.payload.level),
        criterion: w.m.criterion[e.payload.decidingCriterion],
      });
    case 'checklist.step-checked':
      return w.fmt(tl.stepChecked, { step: step(e.payload.stepId) });
    case 'checklist.step-unchecked':
      return w.fmt(tl.stepUnchecked, { step: step(e.payload.stepId) });
    case 'checklist.step-skipped':
      return w.fmt(tl.stepSkipped, { step: step(e.payload.stepId), reason: e.payload.reason });
    case 'checklist.step-note':
      return w.fmt(tl.stepNote, { step: step(e.payload.stepId), text: e.payload.text });
    case 'checklist.callin-confirmed':
      return w.fmt(tl.callIn, { person: e.payload.person });
  }
}

const minutes = (value: number) => String(Math.ceil(value));

function result(w: Wording, item: { status: keyof Wording['m']['status']; lateMinutes: number }): string {
  const text = w.m.status[item.status];
  return item.status === 'missed'
    ? `${text}${w.paren(w.fmt(w.m.doc.lateBy, { minutes: minutes(item.lateMinutes) }))}`
    : text;
}

function availabilityText(w: Wording, report: IncidentReport): string {
  const d = w.m.doc;
  const computed = roundHours(report.computedAvailabilityHours);
  const final = report.final;
  if (!final) return w.fmt(d.availabilityHours, { hours: w.number(computed) });
  const hours = roundHours(final.availabilityHours);
  return hours !== computed && final.availabilityReason
    ? w.fmt(d.availabilityEdited, {
        hours: w.number(hours),
        computed: w.number(computed),
        reason: final.availabilityReason,
      })
    : w.fmt(d.availabilityHours, { hours: w.number(hours) });
}

/** The incident report (DOMAIN §9; seed 003 第六篇 §3 items 1–7, then the after-close review), in one language. */
export function reportDocument(report: IncidentReport, policy: SitePolicy, locale: Locale): ReportDocument {
  const w = wording(policy, locale);
  const d = w.m.doc;
  const s = d.sections;
  const f = report.fields;
  const fieldLabels = w.m.fields;
  const final = report.final;
  const site = f['site-name'] ?? policy.central.siteCode;

  const blocks: Block[] = [
    { kind: 'heading', text: s.basics },
    {
      kind: 'fields',
      rows: [
        [d.site, w.or(site)],
        [d.location, w.or(f['site-location'])],
        [d.scenario, w.scenario(report.scenario, report.checklist?.title)],
        [d.description, w.or(report.description)],
        [d.declaredAt, w.time(report.declared.at)],
        [
          d.declaredBy,
          [report.declared.author, report.declared.seat].filter(Boolean).join(' · ') || d.notRecorded,
        ],
        [d.clockStart, `${w.time(report.clockStart)}${w.paren(d.timeKind[report.timeKind])}`],
        [d.recoveredAt, report.recoveredAt ? w.time(report.recoveredAt) : d.stillOpen],
        [
          d.outagePeriods,
          report.periods
            .map((p) => `${w.time(p.start)} – ${p.end ? w.time(p.end) : d.stillOpen}`)
            .join(w.sep) || d.none,
        ],
        [d.preliminaryLevel, w.level(report.levels.preliminary)],
        [
          d.suggestedLevel,
          `${w.level(report.levels.suggested)}${report.levels.suggestionReasons.length ? w.paren(report.levels.suggestionReasons.join('; ')) : ''}`,
        ],
        ...(report.levels.overrideReason ? [[d.overrideReason, report.levels.overrideReason] as const] : []),
        [
          d.levelChanges,
          report.levels.changes
            .map(
              (c) =>
                `${w.time(c.at)} ${w.fmt(d.timeline.levelChanged, { from: w.level(c.from), to: w.level(c.to), reason: c.reason })}`,
            )
            .join(w.sep) || d.none,
        ],
        [d.finalLevel, final ? w.level(final.level) : d.finalPending],
        ...(final
          ? ([
              [d.deciding, w.m.criterion[final.decidingCriterion]],
              [d.reasons, final.reasons.join('; ')],
            ] as const)
          : []),
      ],
    },
    { kind: 'heading', text: s.impact },
    {
      kind: 'fields',
      rows: [
        [d.availability, availabilityText(w, report)],
        [d.loss, final ? w.fmt(d.lossValue, { amount: w.number(final.lossCny) }) : d.notRecorded],
        [
          d.complaintLevel,
          `${w.level(report.complaints.level)}${report.complaints.reasons.length ? w.paren(report.complaints.reasons.join('; ')) : ''}`,
        ],
        [d.customers, w.or(f['impact-customers'])],
        [d.callsLogged, String(report.calls.total)],
        [d.people, w.or(f['impact-people'])],
        [d.scope, w.or(f['impact-scope'])],
      ],
    },
    { kind: 'heading', text: s.measures },
    {
      kind: 'fields',
      rows: [
        [fieldLabels.measures, w.or(f.measures)],
        [d.control, w.or(f.control)],
      ],
    },
    { kind: 'heading', text: s.trend },
    {
      kind: 'fields',
      rows: [
        [fieldLabels.trend, w.or(f.trend)],
        [fieldLabels.other, w.or(f.other)],
      ],
    },
    { kind: 'heading', text: s.timeline },
    {
      kind: 'table',
      testId: 'report-timeline',
      nowrap: [0],
      head: [d.time, d.event, d.by],
      rows: report.timeline.map((e) => [
        w.time(e.occurredAt),
        describe(w, e, report.stepTexts),
        e.author || e.seat,
      ]),
    },
    { kind: 'heading', text: s.escalation },
    report.escalation.length
      ? {
          kind: 'table',
          nowrap: [0],
          head: [d.time, d.action, d.person, d.role, d.level],
          rows: report.escalation.map((e) => [
            w.time(e.occurredAt),
            d.contact[e.type],
            w.person(e.payload.personId),
            w.role(e.payload.role),
            w.level(e.payload.level),
          ]),
        }
      : { kind: 'paragraph', text: d.none },
    { kind: 'heading', text: s.compliance },
    { kind: 'chart', chart: 'compliance' },
    {
      kind: 'table',
      testId: 'report-compliance',
      nowrap: [1, 2],
      head: [d.item, d.deadline, d.doneAt, d.result],
      rows: [
        // The level goes with the clock's name: a narrow column of its own would wrap 紧急 letter by letter in print.
        ...report.compliance.clocks.map((c) => [
          `${w.m.clock[c.clock]}${w.paren(w.level(c.level))}`,
          w.time(c.deadline),
          c.doneAt ? w.time(c.doneAt) : '—',
          result(w, c),
        ]),
        ...report.compliance.steps.map((st) => [
          w.bilingual(st.text),
          w.time(st.deadline),
          st.doneAt ? w.time(st.doneAt) : '—',
          st.skipReason ? `${result(w, st)}${w.colon}${st.skipReason}` : result(w, st),
        ]),
      ],
    },
    { kind: 'heading', text: s.checklist },
    ...(report.checklist
      ? ([
          {
            kind: 'paragraph',
            text: `${w.bilingual(report.checklist.title)}${w.colon}${w.fmt(d.checklistProgress, {
              done: report.checklist.done,
              skipped: report.checklist.skipped,
              visible: report.checklist.visible,
            })}`,
          },
          {
            kind: 'table',
            nowrap: [2],
            head: [d.step, d.state, d.time, d.by],
            rows: report.checklist.steps.map((st) => [
              w.bilingual(st.text),
              st.reason ? `${d.stepState[st.state]}${w.colon}${st.reason}` : d.stepState[st.state],
              st.at ? w.time(st.at) : '—',
              st.by ?? '',
            ]),
          },
        ] satisfies Block[])
      : [{ kind: 'paragraph', text: d.noChecklist } satisfies Block]),
    { kind: 'heading', text: s.calls },
    { kind: 'chart', chart: 'calls' },
    {
      kind: 'fields',
      rows: [
        [d.callsTotal, String(report.calls.total)],
        [d.callbacks, w.fmt(d.callbacksValue, report.calls.callbacks)],
        [
          d.handlingTime,
          report.calls.averageHandlingMinutes === null
            ? d.notMeasured
            : w.fmt(d.handlingValue, { minutes: w.number(report.calls.averageHandlingMinutes) }),
        ],
        [d.answerRate, d.notMeasured],
        [d.satisfaction, d.notMeasured],
      ],
    },
    {
      kind: 'table',
      nowrap: [0],
      head: [d.hour, d.calls],
      rows: report.calls.perHour.map((b) => [w.time(b.start), String(b.calls)]),
    },
    {
      kind: 'table',
      head: [d.problemType, d.calls, d.vip, d.complaints, d.peakPerHour],
      rows: report.calls.byType.map((row) => {
        const peak = report.complaints.peaks.find((p) => p.problemType === row.problemType);
        return [
          w.problemType(row.problemType),
          String(row.calls),
          String(row.vip),
          String(row.complaints),
          peak ? `${peak.ordinaryPerHour}/${peak.vipPerHour}` : '—',
        ];
      }),
    },
    { kind: 'heading', text: s.rootCause },
    { kind: 'fields', rows: ROOT_CAUSE_FIELDS.map((key) => [fieldLabels[key], w.or(f[key])] as const) },
    { kind: 'heading', text: s.actions },
    {
      kind: 'fields',
      rows: [
        [fieldLabels.actions, w.or(f.actions)],
        [fieldLabels['kb-changes'], w.or(f['kb-changes'])],
      ],
    },
    { kind: 'heading', text: s.signOff },
    {
      kind: 'fields',
      rows: [
        [fieldLabels['prepared-by'], w.or(f['prepared-by'])],
        [fieldLabels['approved-by'], w.or(f['approved-by'])],
        [fieldLabels['signed-at'], w.or(f['signed-at'])],
      ],
    },
  ];

  return {
    title: `${d.title}${w.colon}${w.scenario(report.scenario, report.checklist?.title)}`,
    meta: [
      `${d.site}: ${w.or(site)}`,
      `${d.incidentId}: ${report.incidentId}`,
      `${d.generatedAt}: ${w.time(report.generatedAt)}`,
    ],
    blocks,
  };
}
