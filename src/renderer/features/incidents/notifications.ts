import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { EscalationPlan, IncidentState } from '@shared/incidents';
import { usePolicyStore } from '../../app/policy-store';
import { useSeatStore } from '../settings/seat-store';
import { clockTime, pickLabel } from './format';
import { levelName, roleName, scenarioName } from './use-incidents';

/** Asks once, after the first declaration: a lead who never declares is never bothered by the prompt. */
export function askNotificationPermission(): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'default') return;
  void Notification.requestPermission().catch(() => undefined);
}

function show(title: string, body: string, tag: string): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  try {
    new Notification(title, { body, tag });
  } catch {
    // A desktop without notifications: the board still shows the state in red.
  }
}

/** The same desktop notification for other features' deadlines (the checklist's steps), so both look alike. */
export const showDeadlineNotification = show;

/**
 * A desktop notification when a step or status update becomes due within 2 minutes, and again when it is overdue.
 * Each (incident, item, urgency) is announced once per session.
 */
export function useDeadlineNotifications(
  entries: readonly { incident: IncidentState; plan: EscalationPlan }[],
): void {
  const { t } = useTranslation();
  const policy = usePolicyStore((s) => s.state.policy);
  const locale = useSeatStore((s) => s.settings.locale);
  const announced = useRef(new Set<string>());

  useEffect(() => {
    const zone = policy.calendar.timeZone;
    for (const { incident, plan } of entries) {
      const name = `${scenarioName(incident.scenario, locale, incident.template)} · ${levelName(policy, incident.level, locale)}`;
      const items = [
        ...plan.steps.map((s) => ({
          key: `${incident.id}:${incident.levelHlc}:step:${s.index}`,
          urgency: s.urgency,
          deadline: s.deadline,
          what: t('incidents.notify.step', {
            clock: t(`incidents.clocks.${s.clock}`),
            role: roleName(s.role, locale),
          }),
        })),
        ...(plan.statusUpdate
          ? [
              {
                key: `${incident.id}:status:${plan.statusUpdate.dueAt.getTime()}`,
                urgency: plan.statusUpdate.urgency,
                deadline: plan.statusUpdate.dueAt,
                what: t('incidents.notify.statusUpdate'),
              },
            ]
          : []),
      ];
      if (plan.commandCentre.state === 'owed') {
        const key = `${incident.id}:${incident.levelHlc}:command-centre`;
        if (!announced.current.has(key)) {
          announced.current.add(key);
          const centre = policy.contacts.commandCentre;
          show(
            t('incidents.notify.commandCentreTitle', { centre: pickLabel(centre.label, locale) }),
            t('incidents.notify.commandCentreBody', { incident: name, phones: centre.phones.join(' / ') }),
            key,
          );
        }
      }
      for (const item of items) {
        if (item.urgency === 'ok') continue;
        const key = `${item.key}:${item.urgency}`;
        if (announced.current.has(key)) continue;
        announced.current.add(key);
        const title =
          item.urgency === 'overdue'
            ? t('incidents.notify.overdueTitle', { what: item.what })
            : t('incidents.notify.dueSoonTitle', { what: item.what });
        show(
          title,
          t('incidents.notify.body', { incident: name, time: clockTime(item.deadline, zone) }),
          key,
        );
      }
    }
  }, [entries, policy, locale, t]);
}
