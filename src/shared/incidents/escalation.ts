import { deadlines, type Deadlines } from '../grading/deadlines';
import {
  calendarTimeAt,
  peopleForRole,
  type ClockId,
  type Person,
  type RoleId,
  type SitePolicy,
} from '../policy';
import type { ContactEvent } from './events';
import type { IncidentState } from './derive';

/*
 * Escalation planning (DOMAIN §5, ADR 0007): the chain of the incident's level resolved through the contact tree, each
 * step's deadline, and who to call now. Pure: the caller passes `now`, so the board, the tray and the tests agree.
 *
 * Each step of the chain (a role serving one of the four clocks) is its own track, worked in chain order:
 * call the first person (on duty first); "no answer", or no acknowledgement within `stepWaitMinutes` of "notified",
 * ends the attempt; each person gets `retriesPerPerson` more attempts, then the next person; the step's people are
 * run `chainCycles` times, then the step is exhausted and the floor must be alarmed. An acknowledgement settles
 * the step; while the incident is open the acknowledged person is reminded every `remindAcknowledgedEveryMinutes`.
 */

const MINUTE = 60_000;
/** "Due in 2 min": the board and the tray warn this long before a deadline. */
export const DUE_SOON_MS = 2 * MINUTE;

export type Urgency = 'ok' | 'due-soon' | 'overdue';

/** Overdue is strictly past the deadline; due soon is within two minutes of it, the deadline itself included. */
export function urgencyOf(deadline: Date, now: Date): Urgency {
  const left = deadline.getTime() - now.getTime();
  if (left < 0) return 'overdue';
  return left <= DUE_SOON_MS ? 'due-soon' : 'ok';
}

export type StepStatus =
  /** Call `current.person` now. */
  | 'to-call'
  /** Notified: waiting for an acknowledgement until `current.waitUntil`. */
  | 'waiting'
  | 'acknowledged'
  /** Every person tried `chainCycles` times without an acknowledgement. */
  | 'exhausted'
  /** Nobody in the contact tree holds the role (ADR 0002: shown empty, not refused). */
  | 'unstaffed'
  /** No-service time at a level that may wait: call at `clockStart`. */
  | 'deferred'
  | 'closed';

export interface Attempt {
  personId: string;
  outcome: 'no-answer' | 'timed-out' | 'acknowledged' | 'waiting';
  at: Date;
}

export interface PlannedStep {
  index: number;
  role: RoleId;
  clock: ClockId;
  deadline: Date;
  /** Holders of the role, on duty first. */
  people: Person[];
  status: StepStatus;
  /** Whom the step is on now, with the attempt counters (1-based) for "try 2 of 2, round 1 of 2". */
  current?: { person: Person; attempt: number; cycle: number; waitUntil?: Date };
  acknowledgedBy?: { personId: string; at: Date };
  /** Acknowledged and still open: when the next reminder is owed. */
  remindAt?: Date;
  remindDue: boolean;
  /** The deadline's state while the step is not acknowledged; acknowledged steps are `ok`. */
  urgency: Urgency;
  attempts: Attempt[];
}

export interface EscalationPlan {
  incidentId: string;
  level: string;
  deadlines: Deadlines;
  /** The clocks of the level, each with its urgency (ok once every step serving it is acknowledged). */
  clocks: { clock: ClockId; deadline: Date; urgency: Urgency; met: boolean }[];
  /** The declaration fell in no-service time and the level may wait for opening hours. */
  deferred: boolean;
  steps: PlannedStep[];
  /** The most pressing person to call: earliest deadline among steps that need a call now. */
  next?: { step: PlannedStep; person: Person };
  statusUpdate?: { everyMinutes: number; dueAt: Date; urgency: Urgency };
  /** Worst urgency of anything owed (steps, clocks, status update). */
  urgency: Urgency;
  /** Some step ran out of people to call. */
  exhausted: boolean;
  /**
   * The command centre: `owed` while a step is exhausted and nobody has recorded alerting it (counts as overdue, so
   * the tray and the board turn red); `alerted` once someone did, with who and when.
   */
  commandCentre:
    { state: 'none' } | { state: 'owed' } | { state: 'alerted'; at: Date; by: string; seat: string };
}

const worst = (list: readonly Urgency[]): Urgency =>
  list.includes('overdue') ? 'overdue' : list.includes('due-soon') ? 'due-soon' : 'ok';

/** The plan for one incident at `now`. A resolved incident has its deadlines but nothing owed. */
export function planEscalation(policy: SitePolicy, incident: IncidentState, now: Date): EscalationPlan {
  const since = new Date(incident.levelSince);
  const clocks = deadlines(policy, incident.level, since);
  const open = incident.status === 'open';
  const deferred =
    open &&
    calendarTimeAt(policy, since) === 'no-service' &&
    policy.escalation.deferToOpeningHours.includes(incident.level) &&
    now < clocks.clockStart;

  const chain = policy.escalation.chains[incident.level] ?? [];
  const steps = chain.map((step, index) =>
    planStep(policy, {
      index,
      role: step.role,
      clock: step.clock,
      deadline: clocks[step.clock],
      contacts: incident.contacts.filter((c) => c.payload.step === index && c.payload.role === step.role),
      open,
      deferred,
      now,
    }),
  );

  const clockStates = (['notifyOwner', 'reportUp', 'realtimePlan', 'rootCausePlan'] as const).map((clock) => {
    const serving = steps.filter((s) => s.clock === clock);
    const met = serving.length > 0 && serving.every((s) => s.status === 'acknowledged');
    const deadline = clocks[clock];
    return { clock, deadline, met, urgency: open && !met ? urgencyOf(deadline, now) : ('ok' as Urgency) };
  });

  const statusUpdate = open ? planStatusUpdate(policy, incident, now) : undefined;

  const callable = steps
    .filter((s) => s.status === 'to-call' && s.current)
    .sort((a, b) => a.deadline.getTime() - b.deadline.getTime() || a.index - b.index);
  const first = callable[0];
  const next = first?.current ? { step: first, person: first.current.person } : undefined;

  const exhausted = steps.some((s) => s.status === 'exhausted');
  const alert = incident.commandCentreAlerts.at(-1);
  const commandCentre: EscalationPlan['commandCentre'] = alert
    ? { state: 'alerted', at: new Date(alert.at), by: alert.author, seat: alert.seat }
    : exhausted && open
      ? { state: 'owed' }
      : { state: 'none' };

  return {
    incidentId: incident.id,
    level: incident.level,
    deadlines: clocks,
    clocks: clockStates,
    deferred,
    steps,
    ...(next ? { next } : {}),
    ...(statusUpdate ? { statusUpdate } : {}),
    urgency: worst([
      ...steps.map((s) => s.urgency),
      ...(statusUpdate ? [statusUpdate.urgency] : []),
      ...(commandCentre.state === 'owed' ? (['overdue'] as const) : []),
    ]),
    exhausted,
    commandCentre,
  };
}

interface StepInput {
  index: number;
  role: RoleId;
  clock: ClockId;
  deadline: Date;
  contacts: ContactEvent[];
  open: boolean;
  deferred: boolean;
  now: Date;
}

function planStep(policy: SitePolicy, input: StepInput): PlannedStep {
  const { escalation } = policy;
  const people = peopleForRole(policy, input.role);
  const waitMs = escalation.stepWaitMinutes * MINUTE;
  const triesPerPerson = escalation.retriesPerPerson + 1;
  const total = people.length * triesPerPerson * escalation.chainCycles;
  const base = {
    index: input.index,
    role: input.role,
    clock: input.clock,
    deadline: input.deadline,
    people,
    remindDue: false,
  };

  // Replay the calls: each "notified" opens an attempt, closed by "no answer" or by the wait running out.
  const attempts: Attempt[] = [];
  let pending: Attempt | null = null;
  let acknowledged: { personId: string; at: Date } | undefined;
  let lastTouch: Date | undefined;
  const closePendingBy = (t: Date) => {
    if (pending && t.getTime() >= pending.at.getTime() + waitMs) {
      pending.outcome = 'timed-out';
      pending = null;
    }
  };
  for (const event of input.contacts) {
    const at = new Date(event.occurredAt);
    if (acknowledged) {
      // After the acknowledgement a "notified" is a reminder: the next one is owed a period later.
      if (event.type === 'incident.person-notified' && lastTouch && at > lastTouch) lastTouch = at;
      continue;
    }
    closePendingBy(at);
    if (event.type === 'incident.acknowledged') {
      if (pending) pending.outcome = 'acknowledged';
      else attempts.push({ personId: event.payload.personId, outcome: 'acknowledged', at });
      acknowledged = { personId: event.payload.personId, at };
      lastTouch = at;
      pending = null;
    } else if (event.type === 'incident.no-answer') {
      if (pending) pending.outcome = 'no-answer';
      else attempts.push({ personId: event.payload.personId, outcome: 'no-answer', at });
      pending = null;
    } else {
      // A second "notified" while waiting closes the first attempt: the lead has moved on.
      if (pending) pending.outcome = 'timed-out';
      pending = { personId: event.payload.personId, outcome: 'waiting', at };
      attempts.push(pending);
    }
  }
  closePendingBy(input.now);

  if (acknowledged) {
    const remindAt =
      input.open && lastTouch
        ? new Date(lastTouch.getTime() + escalation.remindAcknowledgedEveryMinutes * MINUTE)
        : undefined;
    return {
      ...base,
      status: 'acknowledged',
      acknowledgedBy: acknowledged,
      ...(remindAt ? { remindAt } : {}),
      remindDue: remindAt !== undefined && input.now >= remindAt,
      urgency: 'ok',
      attempts,
    };
  }
  const urgency = input.open ? urgencyOf(input.deadline, input.now) : 'ok';
  if (!input.open) return { ...base, status: 'closed', urgency, attempts };
  if (people.length === 0) return { ...base, status: 'unstaffed', urgency, attempts };

  // The attempt the step is on: one per finished attempt; a waiting one is the current slot.
  const done = attempts.filter((a) => a.outcome !== 'waiting').length;
  const waiting = attempts.find((a) => a.outcome === 'waiting');
  if (!waiting && done >= total) return { ...base, status: 'exhausted', urgency, attempts };

  const slot = Math.min(done, total - 1);
  const cycle = Math.floor(slot / (people.length * triesPerPerson));
  const within = slot % (people.length * triesPerPerson);
  const planned = people[Math.floor(within / triesPerPerson)] ?? people[0];
  // While waiting, the step is on whoever was actually notified (the lead may have called someone else first).
  const person = (waiting && people.find((p) => p.id === waiting.personId)) || planned;
  if (person === undefined) return { ...base, status: 'unstaffed', urgency, attempts };
  const current = {
    person,
    attempt: (within % triesPerPerson) + 1,
    cycle: cycle + 1,
    ...(waiting ? { waitUntil: new Date(waiting.at.getTime() + waitMs) } : {}),
  };
  const status: StepStatus = waiting ? 'waiting' : input.deferred ? 'deferred' : 'to-call';
  return { ...base, status, current, urgency, attempts };
}

/**
 * Status updates at the level's cadence: the first one period after the level took effect, then one period after the
 * latest status update written since.
 */
function planStatusUpdate(
  policy: SitePolicy,
  incident: IncidentState,
  now: Date,
): EscalationPlan['statusUpdate'] {
  const everyMinutes = policy.escalation.statusUpdateMinutes[incident.level];
  if (everyMinutes === undefined) return undefined;
  const since = new Date(incident.levelSince).getTime();
  const last = incident.notes
    .filter((n) => n.statusUpdate)
    .map((n) => new Date(n.at).getTime())
    .filter((t) => t >= since)
    .reduce((a, b) => Math.max(a, b), since);
  const dueAt = new Date(last + everyMinutes * MINUTE);
  return { everyMinutes, dueAt, urgency: urgencyOf(dueAt, now) };
}
