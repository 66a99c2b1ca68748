import { compareHlc } from '../sync/hlc';
import type { ChecklistEvent } from './events';
import type { ChecklistStep, ChecklistTemplate } from './schema';

/**
 * The running checklist, derived from the template and the merged incident events. Pure and total: the same
 * events in any arrival order, with any duplicates, give the same result, so every seat shows the same list.
 */

export const STEP_STATES = ['pending', 'done', 'skipped'] as const;
export type StepState = (typeof STEP_STATES)[number];

/** An ISO-8601 string, a Date or epoch milliseconds. */
export type Instant = string | Date | number;

export interface DeriveInput {
  declaredAt: Instant;
  now: Instant;
  /** When the incident was resolved; ignored if later than `now`, so replaying a timeline shows it as it was. */
  resolvedAt?: Instant;
  events: readonly ChecklistEvent[];
  /** Agents on the roster; sizes call-in pools (`callIn.poolPercentOfAgents`). Unknown → no target shown. */
  agentCount?: number;
}

/** Who did something to a step, and when. */
export interface StepActor {
  eventId: string;
  by: string;
  seat: string;
  at: string;
  hlc: string;
}

export interface StepChange extends StepActor {
  type: 'checklist.step-checked' | 'checklist.step-unchecked' | 'checklist.step-skipped';
  /** Why a step was skipped (skip events only). */
  reason?: string;
}

export interface StepNote extends StepActor {
  text: string;
}

export interface CallInPerson extends StepActor {
  person: string;
}

export interface CallInProgress {
  /** People to call in: the pool size, rounded up. Undefined when the agent count is unknown. */
  pool?: number;
  confirmed: number;
  people: CallInPerson[];
  complete: boolean;
}

export interface DerivedStep {
  step: ChecklistStep;
  visible: boolean;
  /** When a hidden step will appear (if the incident is still open then). Undefined once it can no longer appear. */
  appearsAt?: string;
  state: StepState;
  /** The template deadline: anchor + `dueAfterMinutes` (for a repeating step, its first round). */
  dueAt?: string;
  /** For a repeating step: when the current round is due. Undefined once skipped or the incident is resolved. */
  nextRepeatDueAt?: string;
  overdue: boolean;
  /** Until the deadline that applies now; negative when overdue. Only for visible pending steps with a deadline. */
  msLeft?: number;
  /** For a repeating step: how many updates have been ticked in total. */
  rounds: number;
  /** The check / uncheck / skip that set the current state. */
  lastChange?: StepChange;
  skipReason?: string;
  notes: StepNote[];
  callIn?: CallInProgress;
}

export interface ChecklistProgress {
  done: number;
  skipped: number;
  visible: number;
  /** (done + skipped) / visible; 1 when nothing is visible, since nothing is left to do. */
  ratio: number;
}

export interface DerivedChecklist {
  templateId: string;
  version: number;
  resolved: boolean;
  steps: DerivedStep[];
  progress: ChecklistProgress;
  /** Events naming a step this template version does not have (e.g. written against another version). */
  ignoredEvents: number;
}

const MINUTE = 60_000;

function toMs(instant: Instant): number {
  const ms =
    instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant);
  if (!Number.isFinite(ms)) throw new RangeError(`Not a valid time: ${String(instant)}`);
  return ms;
}

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

/** Causal order, then the event id so that two events with the same clock still sort the same everywhere. */
function byHlc(a: ChecklistEvent, b: ChecklistEvent): number {
  return compareHlc(a.payload.hlc, b.payload.hlc) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Sorted by hlc, one per event id: sync may deliver an event twice, through two paths. */
function normalise(events: readonly ChecklistEvent[]): ChecklistEvent[] {
  const seen = new Set<string>();
  const unique: ChecklistEvent[] = [];
  for (const event of [...events].sort(byHlc)) {
    if (seen.has(event.id)) continue;
    seen.add(event.id);
    unique.push(event);
  }
  return unique;
}

/** Two seats may confirm the same standby person, typed slightly differently; they are one person. */
function personKey(person: string): string {
  return person.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

function actor(event: ChecklistEvent): StepActor {
  const { by, seat, at, hlc } = event.payload;
  return { eventId: event.id, by, seat, at, hlc };
}

interface Clock {
  declared: number;
  now: number;
  resolved: number | undefined;
}

function visibility(step: ChecklistStep, clock: Clock): { visible: boolean; appearsAt?: number } {
  if (step.showAfterMinutes === undefined) return { visible: true };
  const showAt = clock.declared + step.showAfterMinutes * MINUTE;
  // "Not recovered within 10 minutes": resolved at 10:00 sharp counts as recovered in time.
  const recoveredInTime =
    step.showCondition === 'not-recovered' && clock.resolved !== undefined && clock.resolved <= showAt;
  if (recoveredInTime) return { visible: false };
  return clock.now >= showAt ? { visible: true } : { visible: false, appearsAt: showAt };
}

function deriveStep(
  step: ChecklistStep,
  events: readonly ChecklistEvent[],
  clock: Clock,
  agentCount?: number,
): DerivedStep {
  const changes: StepChange[] = [];
  const notes: StepNote[] = [];
  const people = new Map<string, CallInPerson>();
  for (const event of events) {
    switch (event.type) {
      case 'checklist.step-checked':
      case 'checklist.step-unchecked':
        changes.push({ ...actor(event), type: event.type });
        break;
      case 'checklist.step-skipped':
        changes.push({ ...actor(event), type: event.type, reason: event.payload.reason });
        break;
      case 'checklist.step-note':
        notes.push({ ...actor(event), text: event.payload.text });
        break;
      case 'checklist.callin-confirmed': {
        const key = personKey(event.payload.person);
        if (!people.has(key)) people.set(key, { ...actor(event), person: event.payload.person });
        break;
      }
    }
  }

  // Last writer by hlc wins: events arrive already in hlc order, so the last change is the winner.
  const lastChange = changes.at(-1);
  let state: StepState =
    lastChange?.type === 'checklist.step-checked'
      ? 'done'
      : lastChange?.type === 'checklist.step-skipped'
        ? 'skipped'
        : 'pending';

  const shown = visibility(step, clock);
  // A step someone already acted on stays on the list: hiding recorded work would misstate what was done.
  const acted = changes.length > 0 || notes.length > 0 || people.size > 0;
  const visible = shown.visible || acted;

  const anchor = step.dueFrom === 'resolved' ? clock.resolved : clock.declared;
  const repeat = step.repeatEveryMinutes;
  const firstDueMinutes = step.dueAfterMinutes ?? repeat;
  const dueAt =
    anchor === undefined || firstDueMinutes === undefined ? undefined : anchor + firstDueMinutes * MINUTE;

  let nextRepeatDueAt: number | undefined;
  if (repeat !== undefined && state !== 'skipped' && clock.resolved === undefined) {
    // Each tick is one update; the next is owed `repeat` minutes after the latest, so a late update moves the
    // schedule instead of leaving two owed at once. Once that time comes the step is pending again.
    nextRepeatDueAt = state === 'done' && lastChange ? toMs(lastChange.at) + repeat * MINUTE : dueAt;
    if (state === 'done' && nextRepeatDueAt !== undefined && clock.now >= nextRepeatDueAt) state = 'pending';
  }

  const deadline = repeat !== undefined ? nextRepeatDueAt : dueAt;
  const open = visible && state === 'pending' && deadline !== undefined;
  const derived: DerivedStep = {
    step,
    visible,
    appearsAt: visible ? undefined : iso(shown.appearsAt),
    state,
    dueAt: iso(dueAt),
    nextRepeatDueAt: iso(nextRepeatDueAt),
    overdue: open && clock.now > deadline,
    msLeft: open ? deadline - clock.now : undefined,
    rounds: changes.filter((change) => change.type === 'checklist.step-checked').length,
    lastChange,
    skipReason: state === 'skipped' ? lastChange?.reason : undefined,
    notes,
  };
  if (step.callIn) {
    const pool =
      agentCount === undefined
        ? undefined
        : Math.ceil((Math.max(0, agentCount) * step.callIn.poolPercentOfAgents) / 100);
    const confirmed = people.size;
    derived.callIn = {
      pool,
      confirmed,
      people: [...people.values()],
      complete: pool !== undefined && confirmed >= pool,
    };
  }
  return derived;
}

export function deriveChecklist(template: ChecklistTemplate, input: DeriveInput): DerivedChecklist {
  const now = toMs(input.now);
  const resolvedMs = input.resolvedAt === undefined ? undefined : toMs(input.resolvedAt);
  const clock: Clock = {
    declared: toMs(input.declaredAt),
    now,
    resolved: resolvedMs !== undefined && resolvedMs <= now ? resolvedMs : undefined,
  };

  const byStep = new Map<string, ChecklistEvent[]>(template.steps.map((step) => [step.id, []]));
  let ignoredEvents = 0;
  for (const event of normalise(input.events)) {
    const list = byStep.get(event.payload.stepId);
    if (list) list.push(event);
    else ignoredEvents += 1;
  }

  const steps = template.steps.map((step) =>
    deriveStep(step, byStep.get(step.id) ?? [], clock, input.agentCount),
  );
  const visible = steps.filter((step) => step.visible);
  const done = visible.filter((step) => step.state === 'done').length;
  const skipped = visible.filter((step) => step.state === 'skipped').length;
  return {
    templateId: template.id,
    version: template.version,
    resolved: clock.resolved !== undefined,
    steps,
    progress: {
      done,
      skipped,
      visible: visible.length,
      ratio: visible.length === 0 ? 1 : (done + skipped) / visible.length,
    },
    ignoredEvents,
  };
}
