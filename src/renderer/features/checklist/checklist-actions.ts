import type { HybridClock } from '@shared/sync/hlc';
import type { AppendResult, IncidentsRepository } from '../incidents/incidents-repository';

/**
 * What a person does to a step, written as `checklist.*` events into the incident log (with its outbox mutation and
 * journal copy, via the incidents repository), so every seat merges them. Each payload carries its own author, seat,
 * wall time and HLC: the derivation orders by that HLC, never by arrival.
 */
export interface ChecklistActions {
  check(incidentId: string, stepId: string): Promise<AppendResult>;
  uncheck(incidentId: string, stepId: string): Promise<AppendResult>;
  skip(incidentId: string, stepId: string, reason: string): Promise<AppendResult>;
  note(incidentId: string, stepId: string, text: string): Promise<AppendResult>;
  confirmCallIn(incidentId: string, stepId: string, person: string): Promise<AppendResult>;
}

export function createChecklistActions(deps: {
  repository: IncidentsRepository;
  clock: HybridClock;
  /** Read at each action, so a name set in Settings applies at once. */
  by: () => string;
  seat: () => string;
  now?: () => Date;
}): ChecklistActions {
  const now = deps.now ?? (() => new Date());
  const base = (stepId: string) => ({
    stepId,
    by: deps.by(),
    seat: deps.seat(),
    at: now().toISOString(),
    hlc: deps.clock.tick(),
  });
  return {
    check: (incidentId, stepId) => deps.repository.append(incidentId, 'checklist.step-checked', base(stepId)),
    uncheck: (incidentId, stepId) =>
      deps.repository.append(incidentId, 'checklist.step-unchecked', base(stepId)),
    skip: (incidentId, stepId, reason) =>
      deps.repository.append(incidentId, 'checklist.step-skipped', {
        ...base(stepId),
        reason: reason.trim(),
      }),
    note: (incidentId, stepId, text) =>
      deps.repository.append(incidentId, 'checklist.step-note', { ...base(stepId), text: text.trim() }),
    confirmCallIn: (incidentId, stepId, person) =>
      deps.repository.append(incidentId, 'checklist.callin-confirmed', {
        ...base(stepId),
        person: person.trim(),
      }),
  };
}
