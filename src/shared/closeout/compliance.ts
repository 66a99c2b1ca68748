import { deriveChecklist, type DerivedChecklist } from '../checklists/derive';
import type { ChecklistTemplate } from '../checklists/schema';
import { deadlines } from '../grading/deadlines';
import { checklistEventsOf, type IncidentState } from '../incidents/derive';
import { isContactEvent } from '../incidents/events';
import { CLOCK_IDS, type ClockId, type LevelId, type SitePolicy } from '../policy';
import { compareHlc } from '../sync/hlc';

/**
 * Deadline compliance after the fact (DOMAIN §5, §7). Each clock of each level the incident ran at, and each
 * checklist step with a deadline, is `met` (done by the deadline, the deadline itself included), `missed` (done late,
 * or still not done when the deadline passed), `not-done` (never done, and its deadline had not come yet) or, for a
 * step, `skipped` with its reason.
 */
export type ComplianceStatus = 'met' | 'missed' | 'not-done' | 'skipped';

export interface ClockCompliance {
  level: LevelId;
  clock: ClockId;
  deadline: string;
  /** When the last person serving the clock acknowledged (every chain step serving it must be acknowledged). */
  doneAt: string | null;
  status: ComplianceStatus;
  /** Minutes past the deadline: when done late, or, when never done, up to the end of the level's round. */
  lateMinutes: number;
}

export interface StepCompliance {
  stepId: string;
  text: { zh: string; en: string };
  deadline: string;
  doneAt: string | null;
  status: ComplianceStatus;
  lateMinutes: number;
  skipReason?: string;
}

interface Round {
  level: LevelId;
  since: string;
  /** The event that started the round; '' for the declaration, which is before every event of the incident. */
  hlc: string;
  nextHlc?: string;
  /** When the round stopped counting: the next level change, else the end of the incident. */
  until: Date;
}

const MINUTE = 60_000;

/** The declared level, then one round per level change, each counting from its own start (as the board does). */
function levelRounds(incident: IncidentState, end: Date): Round[] {
  const starts = [
    { level: incident.levelChanges[0]?.from ?? incident.level, since: incident.declared.at, hlc: '' },
  ];
  for (const event of incident.events) {
    if (event.type === 'incident.level-changed')
      starts.push({ level: event.payload.to, since: event.occurredAt, hlc: event.hlc });
  }
  return starts.map((start, i) => {
    const next = starts[i + 1];
    return next ? { ...start, nextHlc: next.hlc, until: new Date(next.since) } : { ...start, until: end };
  });
}

function judge(
  deadline: Date,
  doneAt: Date | null,
  until: Date,
): { status: ComplianceStatus; lateMinutes: number } {
  if (doneAt) {
    const late = doneAt.getTime() - deadline.getTime();
    return late <= 0 ? { status: 'met', lateMinutes: 0 } : { status: 'missed', lateMinutes: late / MINUTE };
  }
  const late = until.getTime() - deadline.getTime();
  return late > 0 ? { status: 'missed', lateMinutes: late / MINUTE } : { status: 'not-done', lateMinutes: 0 };
}

/**
 * The four clocks of every level round, up to `end` (the recovery, or now while open). When the level changes, the
 * old round's clocks that had not fallen due are left out — the new level's clocks replace them — while those already
 * missed stay missed.
 */
export function clockCompliance(policy: SitePolicy, incident: IncidentState, end: Date): ClockCompliance[] {
  return levelRounds(incident, end).flatMap((round) => {
    const times = deadlines(policy, round.level, new Date(round.since));
    const chain = (policy.escalation.chains[round.level] ?? []).map((step, index) => ({ ...step, index }));
    const acknowledgements = incident.events.filter(
      (e) =>
        isContactEvent(e) &&
        e.type === 'incident.acknowledged' &&
        e.payload.level === round.level &&
        compareHlc(e.hlc, round.hlc) >= 0 &&
        (round.nextHlc === undefined || compareHlc(e.hlc, round.nextHlc) < 0),
    );
    return CLOCK_IDS.flatMap((clock): ClockCompliance[] => {
      const deadline = times[clock];
      const serving = chain.filter((step) => step.clock === clock);
      const acks = serving.map((step) =>
        acknowledgements.find(
          (e) => isContactEvent(e) && e.payload.step === step.index && e.payload.role === step.role,
        ),
      );
      const done = serving.length > 0 && acks.every((ack) => ack !== undefined);
      const doneAt = done
        ? new Date(Math.max(...acks.map((ack) => Date.parse(ack?.occurredAt ?? ''))))
        : null;
      const verdict = judge(deadline, doneAt, round.until);
      if (round.nextHlc !== undefined && verdict.status === 'not-done') return [];
      return [
        {
          level: round.level,
          clock,
          deadline: deadline.toISOString(),
          doneAt: doneAt?.toISOString() ?? null,
          ...verdict,
        },
      ];
    });
  });
}

/** The checklist as it stood at `end`, derived from the template the incident ran. */
export function closedChecklist(
  template: ChecklistTemplate,
  incident: IncidentState,
  end: Date,
  resolvedAt: string | undefined,
): DerivedChecklist {
  return deriveChecklist(template, {
    declaredAt: incident.declared.at,
    now: end,
    ...(resolvedAt !== undefined ? { resolvedAt } : {}),
    events: checklistEventsOf(incident.events),
  });
}

/**
 * Every visible step with a deadline. A step counts as done when it was last checked; a repeating step (status
 * updates) is judged on its first round, i.e. its first tick.
 */
export function stepCompliance(
  checklist: DerivedChecklist,
  incident: IncidentState,
  end: Date,
): StepCompliance[] {
  const firstTick = new Map<string, string>();
  for (const event of checklistEventsOf(incident.events)) {
    if (event.type === 'checklist.step-checked' && !firstTick.has(event.payload.stepId))
      firstTick.set(event.payload.stepId, event.payload.at);
  }
  return checklist.steps.flatMap((derived): StepCompliance[] => {
    if (!derived.visible || derived.dueAt === undefined) return [];
    const base = { stepId: derived.step.id, text: derived.step.text, deadline: derived.dueAt };
    if (derived.state === 'skipped') {
      return [
        {
          ...base,
          doneAt: null,
          status: 'skipped',
          lateMinutes: 0,
          ...(derived.skipReason !== undefined ? { skipReason: derived.skipReason } : {}),
        },
      ];
    }
    const repeating = derived.step.repeatEveryMinutes !== undefined;
    const doneAt = repeating
      ? (firstTick.get(derived.step.id) ?? null)
      : derived.state === 'done'
        ? (derived.lastChange?.at ?? null)
        : null;
    return [{ ...base, doneAt, ...judge(new Date(derived.dueAt), doneAt ? new Date(doneAt) : null, end) }];
  });
}

export function complianceCounts(
  list: readonly { status: ComplianceStatus }[],
): Record<ComplianceStatus, number> {
  const counts: Record<ComplianceStatus, number> = { met: 0, missed: 0, 'not-done': 0, skipped: 0 };
  for (const item of list) counts[item.status]++;
  return counts;
}
