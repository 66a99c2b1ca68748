import { pickTemplate, type ChecklistTemplate } from '@shared/checklists';
import type { DeclaredPayload, LevelSuggestion } from '@shared/incidents';
import { suggestLevel } from '@shared/incidents/suggest';
import type { LevelId, SitePolicy } from '@shared/policy';
import type { FloorguardDb } from '../../data/db';
import type { AppendResult, IncidentsRepository } from './incidents-repository';

const HOUR = 60 * 60_000;
/** ISO strings with an offset sort by their wall time: read a wider window and let the counts filter exactly. */
const OFFSET_SLACK = 15 * HOUR;

/** The call sheet of the last hour, graded by the site policy. */
export async function loadSuggestion(
  db: FloorguardDb,
  policy: SitePolicy,
  now: Date,
): Promise<LevelSuggestion> {
  const from = new Date(now.getTime() - HOUR - OFFSET_SLACK).toISOString();
  const calls = await db.calls.where('createdAt').aboveOrEqual(from).toArray();
  return suggestLevel(policy, calls, now);
}

export interface DeclareInput {
  scenario: string;
  level: LevelId;
  description: string;
  overrideReason?: string;
}

/**
 * Builds the declaration with the scenario's checklist template — the site's current one, from `templates` (the
 * catalogue's `current`) — recorded whole, and stores it as a new incident.
 */
export async function declareIncident(
  repository: IncidentsRepository,
  input: DeclareInput,
  suggestion: LevelSuggestion,
  templates: readonly ChecklistTemplate[],
  options: { id?: string; occurredAt?: Date } = {},
): Promise<AppendResult> {
  const template = pickTemplate(templates, input.scenario);
  const reason = input.overrideReason?.trim();
  const payload: DeclaredPayload = {
    scenario: input.scenario,
    level: input.level,
    description: input.description.trim(),
    // A site scenario without a template still declares: its checklist is empty, its escalation is not.
    templateId: template?.id ?? input.scenario,
    templateVersion: template?.version ?? 1,
    ...(template ? { template } : {}),
    suggestedLevel: suggestion.level,
    suggestionReasons: suggestion.reasons.slice(0, 20),
    ...(reason ? { overrideReason: reason } : {}),
  };
  return repository.append(
    repository.newIncidentId(options.occurredAt),
    'incident.declared',
    payload,
    options,
  );
}
