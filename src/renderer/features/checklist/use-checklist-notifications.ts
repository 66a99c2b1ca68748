import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { deriveChecklist, localize } from '@shared/checklists';
import { checklistEventsOf, type IncidentState } from '@shared/incidents';
import { usePolicyStore } from '../../app/policy-store';
import { clockTime } from '../incidents/format';
import { showDeadlineNotification } from '../incidents/notifications';
import { levelName, scenarioName, useIncidents, useNow } from '../incidents/use-incidents';
import { useSeatStore } from '../settings/seat-store';
import { stepAlerts, templateFor } from './checklist-model';
import { useTemplates } from './use-templates';

/**
 * Shared by every mount: the checklist page and an app-wide mount may both run, and each (incident, step, deadline,
 * urgency) must still reach the desktop once per session.
 */
const announced = new Set<string>();

/**
 * Desktop notifications for the checklist steps of every open incident, like the escalation board's: once when a
 * step is due within 2 minutes, once when it is overdue (each round of a repeating step again).
 */
export function useChecklistNotifications(): void {
  const { t } = useTranslation();
  const incidents = useIncidents();
  const templates = useTemplates();
  const now = useNow(1000);
  const policy = usePolicyStore((s) => s.state.policy);
  const locale = useSeatStore((s) => s.settings.locale);

  const due = useMemo(
    () =>
      incidents
        .filter((incident) => incident.status === 'open')
        .flatMap((incident) => {
          const choice = templateFor(templates.known, incident);
          if (!choice) return [];
          const checklist = deriveChecklist(choice.template, {
            declaredAt: incident.declared.at,
            now,
            events: checklistEventsOf(incident.events),
          });
          return stepAlerts(incident.id, checklist).map((alert) => ({
            alert,
            incident,
            step: choice.template.steps.find((s) => s.id === alert.stepId),
          }));
        }),
    [incidents, templates, now],
  );

  useEffect(() => {
    for (const { alert, incident, step } of due) {
      if (announced.has(alert.key)) continue;
      announced.add(alert.key);
      const what = step ? localize(step.text, locale) : alert.stepId;
      showDeadlineNotification(
        alert.urgency === 'overdue'
          ? t('checklist.notify.overdueTitle', { step: what })
          : t('checklist.notify.dueSoonTitle', { step: what }),
        t('checklist.notify.body', {
          incident: incidentName(incident, policy, locale),
          time: clockTime(alert.deadline, policy.calendar.timeZone),
        }),
        alert.key,
      );
    }
  }, [due, policy, locale, t]);
}

function incidentName(
  incident: IncidentState,
  policy: Parameters<typeof levelName>[0],
  locale: Parameters<typeof levelName>[2],
): string {
  return `${scenarioName(incident.scenario, locale, incident.template)} · ${levelName(policy, incident.level, locale)}`;
}

/**
 * Renders nothing; runs the checklist notifications. Mount it once beside the incidents runtime so steps are
 * announced whatever place is shown (the checklist page mounts it too).
 */
export function ChecklistRuntime(): null {
  useChecklistNotifications();
  return null;
}
