import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentEvent, IncidentState } from '@shared/incidents';
import { usePolicyStore } from '../../app/policy-store';
import { useSeatStore } from '../settings/seat-store';
import { clockTime } from './format';
import type { IncidentsRepository } from './incidents-repository';
import { useIncidentsUi } from './incidents-ui-store';
import { levelName, roleName, scenarioName } from './use-incidents';

/** Everything that happened, in log order, and a box to add a note or a status update. */
export function Timeline({
  incident,
  repository,
}: {
  incident: IncidentState;
  repository: IncidentsRepository;
}) {
  const { t } = useTranslation();
  const policy = usePolicyStore((s) => s.state.policy);
  const locale = useSeatStore((s) => s.settings.locale);
  const [text, setText] = useState('');
  const [statusUpdate, setStatusUpdate] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const zone = policy.calendar.timeZone;
  const person = (id: string) => policy.contacts.people.find((p) => p.id === id)?.name ?? id;
  const level = (id: string) => levelName(policy, id, locale);

  const describe = (e: IncidentEvent): string => {
    switch (e.type) {
      case 'incident.declared':
        return t('incidents.notes.declared', {
          scenario: scenarioName(e.payload.scenario, locale, e.payload.template),
          level: level(e.payload.level),
        });
      case 'incident.level-changed':
        return t('incidents.notes.levelChanged', {
          from: level(e.payload.from),
          to: level(e.payload.to),
          reason: e.payload.reason,
        });
      case 'incident.person-notified':
      case 'incident.acknowledged':
      case 'incident.no-answer':
        return t('incidents.notes.contact', {
          action: t(
            e.type === 'incident.person-notified'
              ? 'incidents.notified'
              : e.type === 'incident.acknowledged'
                ? 'incidents.acknowledged'
                : 'incidents.noAnswer',
          ),
          name: person(e.payload.personId),
          role: roleName(e.payload.role, locale),
        });
      case 'incident.command-centre-alerted':
        return t('incidents.notes.commandCentre') + (e.payload.note ? `: ${e.payload.note}` : '');
      case 'incident.role-assigned':
        return t('incidents.notes.roleAssigned', {
          role: t(`incidents.roles.${e.payload.role}`),
          name: e.payload.name,
        });
      case 'incident.statement-issued':
        return t('incidents.notes.statement', { text: e.payload.text });
      case 'incident.note':
        return (
          e.payload.text +
          (e.payload.source ? t('incidents.notes.fromSource', { source: e.payload.source }) : '')
        );
      case 'incident.resolved':
        return t('incidents.notes.resolved');
      case 'incident.reopened':
        return t('incidents.notes.reopened', { reason: e.payload.reason });
      case 'incident.final-graded':
        return t('incidents.notes.finalGraded', { level: level(e.payload.level) });
      default:
        return t('incidents.notes.checklist', { step: e.payload.stepId });
    }
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (text.trim() === '') return setError(t('incidents.notes.required'));
    setError(null);
    try {
      await repository.append(incident.id, 'incident.note', {
        text: text.trim(),
        ...(statusUpdate ? { statusUpdate } : {}),
      });
      setText('');
      setStatusUpdate(false);
    } catch (e) {
      useIncidentsUi
        .getState()
        .setNotice(t('incidents.saveFailed', { error: e instanceof Error ? e.message : String(e) }));
    }
  }

  return (
    <section className="timeline" aria-label={t('incidents.notes.title')}>
      <h3>{t('incidents.notes.title')}</h3>
      <ol data-testid="timeline">
        {incident.events.map((e) => (
          <li key={e.id}>
            <time dateTime={e.occurredAt}>{clockTime(e.occurredAt, zone)}</time> {describe(e)}{' '}
            <span className="muted">{e.author || e.seat}</span>
          </li>
        ))}
      </ol>
      <form className="inline-form" onSubmit={(e) => void submit(e)} noValidate>
        <label className="field">
          <span>{t('incidents.notes.label')}</span>
          <input
            value={text}
            maxLength={4000}
            onChange={(e) => setText(e.target.value)}
            aria-invalid={error !== null}
          />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={statusUpdate} onChange={(e) => setStatusUpdate(e.target.checked)} />
          {t('incidents.notes.statusUpdate')}
        </label>
        <button type="submit">{t('incidents.notes.add')}</button>
        {error && (
          <p className="field__error" role="alert">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
