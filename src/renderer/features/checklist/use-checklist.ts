import { useMemo } from 'react';
import { deriveChecklist, type DerivedChecklist } from '@shared/checklists';
import { checklistEventsOf, type IncidentState } from '@shared/incidents';
import { useLocalStore } from '../../data/local-store';
import { useIncidentsRepository } from '../incidents/use-incidents';
import { useSeatStore } from '../settings/seat-store';
import { createChecklistActions, type ChecklistActions } from './checklist-actions';
import { signature, templateFor, type TemplateChoice } from './checklist-model';
import type { Templates } from './use-templates';

export interface RunningChecklist extends TemplateChoice {
  checklist: DerivedChecklist;
}

/** The incident's checklist at `now`: its recorded template folded with the checklist events of its log. */
export function useRunningChecklist(
  incident: IncidentState | undefined,
  templates: Templates,
  now: Date,
  agentCount: number | undefined,
): RunningChecklist | undefined {
  return useMemo(() => {
    if (!incident) return undefined;
    const choice = templateFor(templates.known, incident);
    if (!choice) return undefined;
    const checklist = deriveChecklist(choice.template, {
      declaredAt: incident.declared.at,
      now,
      ...(incident.resolvedAt !== undefined ? { resolvedAt: incident.resolvedAt } : {}),
      events: checklistEventsOf(incident.events),
      ...(agentCount !== undefined ? { agentCount } : {}),
    });
    return { ...choice, checklist };
  }, [incident, templates, now, agentCount]);
}

/** Checklist actions signed with this seat's agent and seat names, read when the action happens. */
export function useChecklistActions(): ChecklistActions {
  const { clock } = useLocalStore();
  const repository = useIncidentsRepository();
  return useMemo(
    () =>
      createChecklistActions({
        repository,
        clock,
        by: () => {
          const { agentName, seatName } = useSeatStore.getState().settings;
          return signature(agentName, seatName);
        },
        seat: () => useSeatStore.getState().settings.seatName,
      }),
    [repository, clock],
  );
}
