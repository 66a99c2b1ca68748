import {
  localize,
  type ChecklistTemplate,
  type DerivedChecklist,
  type ScriptSnippet,
} from '@shared/checklists';
import { pickTemplate } from '@shared/checklists/resolve';
import type { IncidentState } from '@shared/incidents';
import type { Locale } from '@shared/settings/schema';

/**
 * The checklist place's decisions that need no React: which incident and template to show, how the keyboard moves,
 * which steps deserve a desktop notification, how scripts are searched. Kept pure so they are tested directly.
 */

/**
 * Agents on the roster when nobody has said otherwise. Seed 004 sizes the standby pool with a 60-agent floor
 * ("60 agents → 6 on standby"); the lead corrects it per incident, and the pool follows.
 */
export const DEFAULT_AGENT_COUNT = 60;

/** What `by` records when the seat has no agent name: the schema needs a non-empty author, and the UI shows it as unsigned. */
export const UNSIGNED = '—';

export function signature(agentName: string, seatName: string): string {
  // A seat name is better than nothing: it still tells the report where the tick came from.
  return agentName.trim() || seatName.trim() || UNSIGNED;
}

/** The incident to show: the one chosen if it still exists, else the most recently declared open one, else the latest. */
export function chooseIncident(
  incidents: readonly IncidentState[],
  chosenId: string | null,
): IncidentState | undefined {
  const chosen = chosenId ? incidents.find((incident) => incident.id === chosenId) : undefined;
  // `deriveIncidents` lists the most recently declared first.
  return chosen ?? incidents.find((incident) => incident.status === 'open') ?? incidents[0];
}

export interface TemplateChoice {
  template: ChecklistTemplate;
  /** False when the recorded version is not known on this seat and the newest one stands in for it. */
  exact: boolean;
}

/**
 * The template an incident ran: the id and version its declaration recorded (so a later edit never rewrites what
 * the floor did), else that scenario's recorded version, else — rather than no checklist in an emergency — the
 * newest template for the scenario, flagged as a stand-in.
 */
export function templateFor(
  all: readonly ChecklistTemplate[],
  incident: Pick<IncidentState, 'scenario' | 'templateId' | 'templateVersion' | 'template'>,
): TemplateChoice | undefined {
  if (incident.template) return { template: incident.template, exact: true };
  const recorded =
    all.find((t) => t.id === incident.templateId && t.version === incident.templateVersion) ??
    pickTemplate(all, incident.scenario, incident.templateVersion);
  if (recorded) return { template: recorded, exact: true };
  const newest =
    all.filter((t) => t.id === incident.templateId).sort((a, b) => b.version - a.version)[0] ??
    pickTemplate(all, incident.scenario);
  return newest ? { template: newest, exact: false } : undefined;
}

/** ↑/↓ between visible steps; stays at the ends rather than wrapping, so holding a key never jumps back to the top. */
export function moveFocus(ids: readonly string[], current: string | null, delta: 1 | -1): string | null {
  if (ids.length === 0) return null;
  const index = current === null ? -1 : ids.indexOf(current);
  if (index === -1) return delta === 1 ? (ids[0] ?? null) : (ids.at(-1) ?? null);
  return ids[Math.min(ids.length - 1, Math.max(0, index + delta))] ?? null;
}

/** Desktop notifications use the escalation board's rule: once within 2 minutes of the deadline, once past it. */
export const DUE_SOON_MS = 2 * 60_000;

export interface StepAlert {
  /** Unique per incident, step, deadline and urgency: each is announced once. */
  key: string;
  stepId: string;
  urgency: 'due-soon' | 'overdue';
  deadline: string;
}

export function stepAlerts(incidentId: string, checklist: DerivedChecklist): StepAlert[] {
  const alerts: StepAlert[] = [];
  for (const derived of checklist.steps) {
    if (!derived.visible || derived.state !== 'pending' || derived.msLeft === undefined) continue;
    // A repeating step owes a new round each period: its deadline is part of the key, so every round is announced.
    const deadline = derived.nextRepeatDueAt ?? derived.dueAt;
    if (deadline === undefined) continue;
    const urgency = derived.overdue ? 'overdue' : derived.msLeft <= DUE_SOON_MS ? 'due-soon' : undefined;
    if (!urgency) continue;
    alerts.push({
      key: `${incidentId}:checklist:${derived.step.id}:${deadline}:${urgency}`,
      stepId: derived.step.id,
      urgency,
      deadline,
    });
  }
  return alerts;
}

/** Case- and width-insensitive, so "Outage", "outage" and full-width input all match. */
function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * Scripts whose title, text or tags contain every word of the query, in either language: an agent on the English UI
 * may still search for "投诉". The current locale's matches are not reordered — the knowledge base order is deliberate.
 */
export function searchSnippets(
  snippets: readonly ScriptSnippet[],
  query: string,
  locale: Locale,
): ScriptSnippet[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...snippets];
  return snippets.filter((snippet) => {
    const haystack = fold(
      [
        localize(snippet.title, locale),
        localize(snippet.text, locale),
        snippet.title.zh,
        snippet.title.en,
        snippet.text.zh,
        snippet.text.en,
        ...snippet.tags,
      ].join('\n'),
    );
    return words.every((word) => haystack.includes(word));
  });
}

export type DurationUnit = 'minutes' | 'hours' | 'days';

/** 4320 → 3 days, 60 → 1 hour, 45 → 45 minutes: the way the plans themselves state their clocks. */
export function duration(minutes: number): { count: number; unit: DurationUnit } {
  if (minutes > 0 && minutes % 1440 === 0) return { count: minutes / 1440, unit: 'days' };
  if (minutes > 0 && minutes % 60 === 0) return { count: minutes / 60, unit: 'hours' };
  return { count: minutes, unit: 'minutes' };
}
