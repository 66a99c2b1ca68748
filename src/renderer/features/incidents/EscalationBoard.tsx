import { useTranslation } from 'react-i18next';
import type { EscalationPlan, IncidentState } from '@shared/incidents';
import { levelOf } from '@shared/policy';
import { usePolicyStore } from '../../app/policy-store';
import { useSeatStore } from '../settings/seat-store';
import { CommandCentreAlarm } from './CommandCentreAlarm';
import { clockTime, countdown, dateTime } from './format';
import { IncidentControls } from './IncidentControls';
import type { IncidentsRepository } from './incidents-repository';
import { StepCard } from './StepCard';
import { Timeline } from './Timeline';
import { levelName, scenarioName } from './use-incidents';

/** One incident: its level, the four clocks counting down, the chain with who to call now, and its controls. */
export function EscalationBoard(props: {
  incident: IncidentState;
  plan: EscalationPlan;
  now: Date;
  repository: IncidentsRepository;
}) {
  const { incident, plan, now, repository } = props;
  const { t } = useTranslation();
  const policy = usePolicyStore((s) => s.state.policy);
  const locale = useSeatStore((s) => s.settings.locale);
  const zone = policy.calendar.timeZone;
  const colour = levelOf(policy, incident.level)?.colour;
  const open = incident.status === 'open';

  return (
    <article
      className={`board urgency--${plan.urgency}`}
      data-testid="incident-board"
      data-incident={incident.id}
      data-urgency={plan.urgency}
      aria-labelledby={`incident-${incident.id}`}
    >
      <header className="board__head">
        <h2 id={`incident-${incident.id}`}>
          {scenarioName(incident.scenario, locale, incident.template)}{' '}
          <span
            className="level-badge"
            style={colour ? { backgroundColor: colour } : undefined}
            data-testid="incident-level"
          >
            {levelName(policy, incident.level, locale)}
          </span>{' '}
          <span className="muted">{t(`incidents.status.${incident.status}`)}</span>
        </h2>
        <p className="muted">
          {t('incidents.declaredAt', {
            time: dateTime(incident.declared.at, zone),
            author: incident.declared.author || t('incidents.unknownPerson'),
            seat: incident.declared.seat || t('incidents.unknownSeat'),
          })}
        </p>
        {incident.description && <p>{incident.description}</p>}
      </header>

      <section aria-label={t('incidents.deadlines')}>
        <p className="muted">
          {t('incidents.clockStart', {
            time: clockTime(plan.deadlines.clockStart, zone),
            kind: t(`incidents.timeKind.${plan.deadlines.timeKind}`),
          })}
        </p>
        {plan.deferred && (
          <p className="notice notice--warn">
            {t('incidents.deferred', { time: clockTime(plan.deadlines.clockStart, zone) })}
          </p>
        )}
        <ul className="clocks">
          {plan.clocks.map((c) => (
            <li
              key={c.clock}
              className={`clock urgency--${c.urgency}${c.met ? ' clock--met' : ''}`}
              data-testid={`clock-${c.clock}`}
              data-urgency={c.urgency}
            >
              <span>{t(`incidents.clocks.${c.clock}`)}</span>
              <strong>{clockTime(c.deadline, zone)}</strong>
              {open && !c.met && (
                <span>
                  {c.urgency === 'overdue'
                    ? t('incidents.overdueBy', { time: countdown(c.deadline, now) })
                    : t('incidents.left', { time: countdown(c.deadline, now) })}
                </span>
              )}
            </li>
          ))}
        </ul>
        {plan.statusUpdate && (
          <p className={`urgency--${plan.statusUpdate.urgency}`} data-testid="status-update">
            {t('incidents.statusUpdate', {
              minutes: plan.statusUpdate.everyMinutes,
              time: clockTime(plan.statusUpdate.dueAt, zone),
            })}
          </p>
        )}
      </section>

      <CommandCentreAlarm incident={incident} plan={plan} repository={repository} />
      <section aria-label={t('incidents.chain')}>
        <h3>{t('incidents.chain')}</h3>
        <ol className="steps">
          {plan.steps.map((step) => (
            <StepCard
              key={`${incident.levelHlc}:${step.index}`}
              incident={incident}
              step={step}
              clockStart={plan.deadlines.clockStart}
              now={now}
              repository={repository}
            />
          ))}
        </ol>
      </section>

      <IncidentControls incident={incident} repository={repository} />
      <Timeline incident={incident} repository={repository} />
    </article>
  );
}
