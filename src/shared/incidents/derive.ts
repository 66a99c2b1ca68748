import type { ChecklistEvent } from '../checklists/events';
import type { ChecklistTemplate } from '../checklists/schema';
import type { LevelId } from '../policy';
import { compareHlc } from '../sync/hlc';
import {
  isContactEvent,
  type ContactEvent,
  type FinalGradedPayload,
  type IncidentEvent,
  type IncidentEventOf,
  type IncidentRole,
} from './events';

/** Who did something, and when on the floor. */
export interface Actor {
  author: string;
  seat: string;
  at: string;
}

export interface LevelChange extends Actor {
  from: LevelId;
  to: LevelId;
  reason: string;
}

export interface RoleHolder extends Actor {
  personId: string;
  name: string;
}

export interface IncidentState {
  id: string;
  scenario: string;
  templateId: string;
  templateVersion: number;
  /** The template recorded at declaration (see DeclaredPayload.template). */
  template?: ChecklistTemplate;
  description: string;
  declared: Actor;
  suggestedLevel: LevelId | null;
  suggestionReasons: string[];
  overrideReason?: string;
  /** The level now: the declared one, then the last level change in HLC order. */
  level: LevelId;
  /** When the current level took effect: its clocks and its escalation round start here. */
  levelSince: string;
  /** HLC of the event that set the current level; contact events before it belong to an earlier round. */
  levelHlc: string;
  levelChanges: LevelChange[];
  status: 'open' | 'resolved';
  resolvedAt?: string;
  roles: Partial<Record<IncidentRole, RoleHolder>>;
  /** The latest unified statement (统一口径), if any. */
  statement?: { text: string } & Actor;
  notes: ({ text: string; statusUpdate: boolean; source?: string } & Actor)[];
  /** Contact events of the current level's escalation round, in HLC order. */
  contacts: ContactEvent[];
  /** Alerts to the command centre in the current level's round. */
  commandCentreAlerts: ({ step?: number; note?: string } & Actor)[];
  finalGrade?: FinalGradedPayload & Actor;
  /** Every event of this incident, deduplicated and in HLC order: the timeline and the checklist's input. */
  events: IncidentEvent[];
}

const actor = (event: IncidentEvent): Actor => ({
  author: event.author,
  seat: event.seat,
  at: event.occurredAt,
});

/** Dedupes by event id (the first copy wins: copies of one id are the same event) and sorts by `(hlc, id)`. */
export function orderEvents(events: Iterable<IncidentEvent>): IncidentEvent[] {
  const byId = new Map<string, IncidentEvent>();
  for (const event of events) if (!byId.has(event.id)) byId.set(event.id, event);
  return [...byId.values()].sort(
    (a, b) => compareHlc(a.hlc, b.hlc) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/**
 * Folds the merged log of any number of incidents into their current states, most recently declared first.
 * Any arrival order and any duplicates give the same result. Events whose declaration has not arrived yet (sync
 * delivered them first) are held back until it does: an incident without its declaration has no level or scenario.
 */
export function deriveIncidents(events: Iterable<IncidentEvent>): IncidentState[] {
  const byIncident = new Map<string, IncidentEvent[]>();
  for (const event of orderEvents(events)) {
    const list = byIncident.get(event.incidentId);
    if (list) list.push(event);
    else byIncident.set(event.incidentId, [event]);
  }
  const states: IncidentState[] = [];
  for (const list of byIncident.values()) {
    const state = fold(list);
    if (state) states.push(state);
  }
  return states.sort((a, b) => (a.declared.at < b.declared.at ? 1 : a.declared.at > b.declared.at ? -1 : 0));
}

/** The state of one incident, or undefined when its declaration is not in `events`. */
export function deriveIncident(
  events: Iterable<IncidentEvent>,
  incidentId: string,
): IncidentState | undefined {
  return deriveIncidents([...events].filter((e) => e.incidentId === incidentId))[0];
}

function fold(ordered: IncidentEvent[]): IncidentState | undefined {
  // Two seats cannot declare the same incident id (ids are UUIDv7 made by one seat); the earliest declaration wins.
  const declaration = ordered.find(
    (e): e is IncidentEventOf<'incident.declared'> => e.type === 'incident.declared',
  );
  if (!declaration) return undefined;
  const d = declaration.payload;
  const state: IncidentState = {
    id: declaration.incidentId,
    scenario: d.scenario,
    templateId: d.templateId,
    templateVersion: d.templateVersion,
    ...(d.template ? { template: d.template } : {}),
    description: d.description,
    declared: actor(declaration),
    suggestedLevel: d.suggestedLevel,
    suggestionReasons: d.suggestionReasons,
    ...(d.overrideReason !== undefined ? { overrideReason: d.overrideReason } : {}),
    level: d.level,
    levelSince: declaration.occurredAt,
    levelHlc: declaration.hlc,
    levelChanges: [],
    status: 'open',
    roles: {},
    notes: [],
    contacts: [],
    commandCentreAlerts: [],
    events: ordered,
  };

  for (const event of ordered) {
    switch (event.type) {
      case 'incident.level-changed':
        state.levelChanges.push({ ...actor(event), ...event.payload });
        state.level = event.payload.to;
        state.levelSince = event.occurredAt;
        state.levelHlc = event.hlc;
        state.contacts = [];
        state.commandCentreAlerts = [];
        break;
      case 'incident.command-centre-alerted':
        if (event.payload.level === state.level)
          state.commandCentreAlerts.push({
            ...actor(event),
            ...(event.payload.step !== undefined ? { step: event.payload.step } : {}),
            ...(event.payload.note !== undefined ? { note: event.payload.note } : {}),
          });
        break;
      case 'incident.role-assigned':
        state.roles[event.payload.role] = {
          ...actor(event),
          personId: event.payload.personId,
          name: event.payload.name,
        };
        break;
      case 'incident.statement-issued':
        state.statement = { ...actor(event), text: event.payload.text };
        break;
      case 'incident.note':
        state.notes.push({
          ...actor(event),
          text: event.payload.text,
          statusUpdate: event.payload.statusUpdate === true,
          ...(event.payload.source !== undefined ? { source: event.payload.source } : {}),
        });
        break;
      case 'incident.resolved':
        state.status = 'resolved';
        state.resolvedAt = event.occurredAt;
        break;
      case 'incident.reopened':
        state.status = 'open';
        delete state.resolvedAt;
        break;
      case 'incident.final-graded':
        state.finalGrade = { ...actor(event), ...event.payload };
        break;
      default:
        if (isContactEvent(event) && event.payload.level === state.level) state.contacts.push(event);
    }
  }
  return state;
}

/** The checklist's view of the log: its events already have the `{ id, type, payload }` shape it reads. */
export function checklistEventsOf(events: readonly IncidentEvent[]): ChecklistEvent[] {
  return events.filter((e): e is Extract<IncidentEvent, ChecklistEvent> => e.type.startsWith('checklist.'));
}
