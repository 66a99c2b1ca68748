import { useTranslation } from 'react-i18next';
import type { EscalationPlan, IncidentState } from '@shared/incidents';
import { usePolicyStore } from '../../app/policy-store';
import { useSeatStore } from '../settings/seat-store';
import { clockTime, pickLabel } from './format';
import type { IncidentsRepository } from './incidents-repository';
import { useIncidentsUi } from './incidents-ui-store';
import { PersonLine } from './StepCard';

/**
 * The chain ran out of people: the floor must alarm the command centre. Shown above the chain, in red, with the
 * centre's numbers and one button that records the alert; afterwards it says who alerted it and when.
 */
export function CommandCentreAlarm(props: {
  incident: IncidentState;
  plan: EscalationPlan;
  repository: IncidentsRepository;
}) {
  const { incident, plan, repository } = props;
  const { t } = useTranslation();
  const policy = usePolicyStore((s) => s.state.policy);
  const locale = useSeatStore((s) => s.settings.locale);
  const centre = policy.contacts.commandCentre;
  const state = plan.commandCentre;
  if (state.state === 'none') return null;

  if (state.state === 'alerted') {
    return (
      <p className="notice" data-testid="command-centre-alarm" data-state="alerted">
        {t('incidents.commandCentre.alerted', {
          centre: pickLabel(centre.label, locale),
          time: clockTime(state.at, policy.calendar.timeZone),
          author: state.by || t('incidents.unknownPerson'),
          seat: state.seat || t('incidents.unknownSeat'),
        })}
      </p>
    );
  }

  const exhausted = plan.steps.find((s) => s.status === 'exhausted');
  async function alerted() {
    try {
      await repository.append(incident.id, 'incident.command-centre-alerted', {
        level: incident.level,
        ...(exhausted ? { step: exhausted.index } : {}),
      });
    } catch (error) {
      useIncidentsUi
        .getState()
        .setNotice(
          t('incidents.saveFailed', { error: error instanceof Error ? error.message : String(error) }),
        );
    }
  }

  return (
    <section
      className="notice notice--error command-centre"
      role="alert"
      data-testid="command-centre-alarm"
      data-state="owed"
    >
      <p>
        <strong>{t('incidents.commandCentre.owed', { centre: pickLabel(centre.label, locale) })}</strong>
      </p>
      <ul className="step__people">
        <PersonLine
          person={{
            id: 'command-centre',
            name: pickLabel(centre.label, locale),
            role: 'command-centre',
            phones: centre.phones,
            onDuty: true,
            team: 'command-centre',
          }}
          highlighted
        />
      </ul>
      <button type="button" className="primary" onClick={() => void alerted()}>
        {t('incidents.commandCentre.markAlerted')}
      </button>
    </section>
  );
}
