import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { INCIDENT_ROLES, type IncidentState } from '@shared/incidents';
import { usePolicyStore } from '../../app/policy-store';
import { useSeatStore } from '../settings/seat-store';
import { pickLabel } from './format';
import type { IncidentsRepository } from './incidents-repository';
import { useIncidentsUi } from './incidents-ui-store';
import { roleName } from './use-incidents';

function useSave() {
  const { t } = useTranslation();
  return async (work: () => Promise<unknown>): Promise<boolean> => {
    try {
      await work();
      return true;
    } catch (error) {
      useIncidentsUi
        .getState()
        .setNotice(
          t('incidents.saveFailed', { error: error instanceof Error ? error.message : String(error) }),
        );
      return false;
    }
  };
}

/** Level change, roles, the unified statement, and resolve / reopen. */
export function IncidentControls({
  incident,
  repository,
}: {
  incident: IncidentState;
  repository: IncidentsRepository;
}) {
  const { t } = useTranslation();
  const save = useSave();
  return (
    <section className="board__controls">
      {incident.status === 'open' && <ChangeLevel incident={incident} repository={repository} />}
      <Roles incident={incident} repository={repository} />
      <Statement incident={incident} repository={repository} />
      <div className="board__close">
        {incident.status === 'open' ? (
          <button
            type="button"
            onClick={() => void save(() => repository.append(incident.id, 'incident.resolved', {}))}
          >
            {t('incidents.resolve')}
          </button>
        ) : (
          <button
            type="button"
            onClick={() =>
              void save(() =>
                repository.append(incident.id, 'incident.reopened', { reason: t('incidents.reopenReason') }),
              )
            }
          >
            {t('incidents.reopen')}
          </button>
        )}
      </div>
    </section>
  );
}

function ChangeLevel({ incident, repository }: { incident: IncidentState; repository: IncidentsRepository }) {
  const { t } = useTranslation();
  const save = useSave();
  const policy = usePolicyStore((s) => s.state.policy);
  const locale = useSeatStore((s) => s.settings.locale);
  const rank = policy.levels.findIndex((l) => l.id === incident.level);
  // The usual move is one up; the list offers every level, since a lead may also lower one with a reason.
  const [to, setTo] = useState(policy.levels[Math.max(0, rank - 1)]?.id ?? incident.level);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (to === incident.level) return setError(t('incidents.raise.same'));
    if (reason.trim() === '') return setError(t('incidents.raise.reasonRequired'));
    setError(null);
    const ok = await save(() =>
      repository.append(incident.id, 'incident.level-changed', {
        from: incident.level,
        to,
        reason: reason.trim(),
      }),
    );
    if (ok) setReason('');
  }

  return (
    <form
      className="inline-form"
      onSubmit={(e) => void submit(e)}
      aria-label={t('incidents.raise.title')}
      noValidate
    >
      <h3>{t('incidents.raise.title')}</h3>
      <label className="field field--narrow">
        <span>{t('incidents.raise.to')}</span>
        <select value={to} onChange={(e) => setTo(e.target.value)}>
          {policy.levels.map((l) => (
            <option key={l.id} value={l.id}>
              {pickLabel(l.label, locale)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('incidents.raise.reason')}</span>
        <input
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={error !== null}
        />
      </label>
      <button type="submit">{t('incidents.raise.submit')}</button>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

function Roles({ incident, repository }: { incident: IncidentState; repository: IncidentsRepository }) {
  const { t } = useTranslation();
  const save = useSave();
  const policy = usePolicyStore((s) => s.state.policy);
  const locale = useSeatStore((s) => s.settings.locale);
  const people = policy.contacts.people;
  return (
    <fieldset className="roles">
      <legend>{t('incidents.roles.title')}</legend>
      {INCIDENT_ROLES.map((role) => {
        const holder = incident.roles[role];
        return (
          <label key={role} className="field field--narrow">
            <span>{t(`incidents.roles.${role}`)}</span>
            <select
              value={holder?.personId ?? ''}
              onChange={(e) => {
                const person = people.find((p) => p.id === e.target.value);
                if (person)
                  void save(() =>
                    repository.append(incident.id, 'incident.role-assigned', {
                      role,
                      personId: person.id,
                      name: person.name,
                    }),
                  );
              }}
            >
              <option value="" disabled>
                {t('incidents.roles.unassigned')}
              </option>
              {/* Someone assigned from an older tree stays visible under the name recorded then. */}
              {holder && !people.some((p) => p.id === holder.personId) && (
                <option value={holder.personId}>{holder.name}</option>
              )}
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} · {roleName(p.role, locale)}
                </option>
              ))}
            </select>
          </label>
        );
      })}
    </fieldset>
  );
}

function Statement({ incident, repository }: { incident: IncidentState; repository: IncidentsRepository }) {
  const { t } = useTranslation();
  const save = useSave();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (text.trim() === '') return setError(t('incidents.statement.required'));
    setError(null);
    if (await save(() => repository.append(incident.id, 'incident.statement-issued', { text: text.trim() })))
      setText('');
  }
  return (
    <form
      className="inline-form"
      onSubmit={(e) => void submit(e)}
      aria-label={t('incidents.statement.title')}
      noValidate
    >
      <h3>{t('incidents.statement.title')}</h3>
      {incident.statement && (
        <blockquote data-testid="statement-current">{incident.statement.text}</blockquote>
      )}
      <label className="field">
        <span>{t('incidents.statement.label')}</span>
        <textarea
          value={text}
          maxLength={2000}
          rows={2}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={error !== null}
        />
      </label>
      <button type="submit">{t('incidents.statement.submit')}</button>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
