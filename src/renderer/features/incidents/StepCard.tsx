import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentState, PlannedStep } from '@shared/incidents';
import type { Person } from '@shared/policy';
import { usePolicyStore } from '../../app/policy-store';
import { useSeatStore } from '../settings/seat-store';
import { clockTime, countdown } from './format';
import type { IncidentsRepository } from './incidents-repository';
import { useIncidentsUi } from './incidents-ui-store';
import { roleName } from './use-incidents';

type ContactType = 'incident.person-notified' | 'incident.acknowledged' | 'incident.no-answer';

/** One step of the chain: the role, its deadline counting down, its people, and the three call outcomes. */
export function StepCard(props: {
  incident: IncidentState;
  step: PlannedStep;
  /** When the clocks start (the call time of a deferred step). */
  clockStart: Date;
  now: Date;
  repository: IncidentsRepository;
}) {
  const { incident, step, clockStart, now, repository } = props;
  const { t } = useTranslation();
  const policy = usePolicyStore((s) => s.state.policy);
  const locale = useSeatStore((s) => s.settings.locale);
  const zone = policy.calendar.timeZone;
  const current = step.current?.person;
  const ackPerson = step.people.find((p) => p.id === step.acknowledgedBy?.personId);

  async function record(type: ContactType, person: Person) {
    try {
      await repository.append(incident.id, type, {
        personId: person.id,
        role: step.role,
        step: step.index,
        level: incident.level,
      });
    } catch (error) {
      useIncidentsUi
        .getState()
        .setNotice(
          t('incidents.saveFailed', { error: error instanceof Error ? error.message : String(error) }),
        );
    }
  }

  const statusText = (() => {
    switch (step.status) {
      case 'waiting':
        return t('incidents.step.waiting', {
          time: step.current?.waitUntil ? clockTime(step.current.waitUntil, zone) : '',
        });
      case 'acknowledged':
        return t('incidents.step.acknowledged', {
          name: ackPerson?.name ?? step.acknowledgedBy?.personId ?? '',
          time: step.acknowledgedBy ? clockTime(step.acknowledgedBy.at, zone) : '',
        });
      case 'exhausted':
        return t('incidents.step.exhausted', { cycles: policy.escalation.chainCycles });
      case 'deferred':
        return t('incidents.step.deferred', { time: clockTime(clockStart, zone) });
      default:
        return t(`incidents.step.${step.status}`);
    }
  })();

  const tries = policy.escalation.retriesPerPerson + 1;
  return (
    <li
      className={`step step--${step.status} urgency--${step.urgency}`}
      data-testid="step"
      data-role={step.role}
      data-status={step.status}
      data-urgency={step.urgency}
    >
      <div className="step__head">
        <strong>{roleName(step.role, locale)}</strong>
        <span className="muted">{t(`incidents.clocks.${step.clock}`)}</span>
        <span className="step__countdown" data-testid="step-countdown">
          {step.status === 'acknowledged'
            ? t('incidents.dueAt', { time: clockTime(step.deadline, zone) })
            : step.urgency === 'overdue'
              ? t('incidents.overdueBy', { time: countdown(step.deadline, now) })
              : t('incidents.left', { time: countdown(step.deadline, now) })}
        </span>
      </div>
      <p className="step__status" data-testid="step-status">
        {statusText}
        {step.current && step.status !== 'acknowledged' && (
          <span className="muted">
            {' · '}
            {t('incidents.attempt', {
              attempt: step.current.attempt,
              tries,
              cycle: step.current.cycle,
              cycles: policy.escalation.chainCycles,
            })}
          </span>
        )}
      </p>
      {step.status === 'acknowledged' && step.remindAt && (
        <p className={step.remindDue ? 'step__remind step__remind--due' : 'step__remind muted'}>
          {step.remindDue
            ? t('incidents.remindDue', { name: ackPerson?.name ?? '' })
            : t('incidents.remindAt', { time: clockTime(step.remindAt, zone) })}
          {ackPerson && (
            <button type="button" onClick={() => void record('incident.person-notified', ackPerson)}>
              {t('incidents.reminded')}
            </button>
          )}
        </p>
      )}
      <ul className="step__people">
        {step.people.map((person) => (
          <PersonLine
            key={person.id}
            person={person}
            highlighted={person.id === current?.id}
            // The chain ran out, but anyone of it may still call back: record it and the step is settled.
            action={
              step.status === 'exhausted' ? (
                <button type="button" onClick={() => void record('incident.acknowledged', person)}>
                  {t('incidents.lateAcknowledged', { name: person.name })}
                </button>
              ) : undefined
            }
          />
        ))}
      </ul>
      {current && (step.status === 'to-call' || step.status === 'waiting' || step.status === 'deferred') && (
        <div className="step__actions">
          <button type="button" onClick={() => void record('incident.person-notified', current)}>
            {t('incidents.notified')}
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => void record('incident.acknowledged', current)}
          >
            {t('incidents.acknowledged')}
          </button>
          <button type="button" onClick={() => void record('incident.no-answer', current)}>
            {t('incidents.noAnswer')}
          </button>
        </div>
      )}
    </li>
  );
}

/** A person with tap-to-call numbers and copy buttons (a desk phone cannot follow a tel: link). */
export function PersonLine({
  person,
  highlighted = false,
  role,
  action,
}: {
  person: Person;
  highlighted?: boolean;
  /** A button beside the numbers (a late acknowledgement, an edit). */
  action?: ReactNode;
  /** The role's label, where the list mixes roles (the contact tree). */
  role?: string;
}) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<string | null>(null);
  return (
    <li className={highlighted ? 'person person--current' : 'person'} data-testid="person">
      {role && <span className="person__role">{role}</span>}
      <span className="person__name">
        {highlighted && <span className="visually-hidden">{t('incidents.callNow')}: </span>}
        {person.name}
      </span>
      <span className={person.onDuty ? 'badge badge--ok' : 'badge'}>
        {person.onDuty ? t('incidents.onDuty') : t('incidents.offDuty')}
      </span>
      {person.phones.map((phone) => (
        <span key={phone} className="person__phone">
          <a href={`tel:${phone.replace(/[^\d+]/g, '')}`}>{phone}</a>
          <button
            type="button"
            className="link"
            onClick={() =>
              void navigator.clipboard
                ?.writeText(phone)
                .then(() => setCopied(phone))
                .catch(() => setCopied(null))
            }
          >
            {t('incidents.copy')}
          </button>
        </span>
      ))}
      {action}
      {copied && (
        <span className="muted" role="status">
          {t('incidents.copied', { phone: copied })}
        </span>
      )}
    </li>
  );
}
