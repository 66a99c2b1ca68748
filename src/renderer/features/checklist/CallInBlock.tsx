import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallInProgress } from '@shared/checklists';
import { clockTime } from '../incidents/format';
import { UNSIGNED } from './checklist-model';

/**
 * The call-in list of a surge tier: how many standby people the pool needs (from the agent count the lead keeps
 * per incident), who has confirmed ("4 of 6 confirmed"), and a field to record the next confirmation.
 */
export function CallInBlock(props: {
  callIn: CallInProgress;
  percent: number;
  agentCount: number | undefined;
  onAgentCount(count: number): void;
  onConfirm(person: string): Promise<boolean>;
  zone: string;
}) {
  const { callIn, percent, agentCount, onAgentCount, onConfirm, zone } = props;
  const { t } = useTranslation();
  const id = useId();
  const [person, setPerson] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || !person.trim()) return;
    setBusy(true);
    if (await onConfirm(person)) setPerson('');
    setBusy(false);
  }

  return (
    <div className="cl-callin" data-testid="callin">
      <h4>{t('checklist.callIn.title')}</h4>
      <p className={callIn.complete ? 'cl-callin__count cl-callin__count--complete' : 'cl-callin__count'}>
        <strong data-testid="callin-progress">
          {callIn.pool === undefined
            ? t('checklist.callIn.progressNoPool', { confirmed: callIn.confirmed })
            : t('checklist.callIn.progress', { confirmed: callIn.confirmed, pool: callIn.pool })}
        </strong>
        {callIn.complete && <span> · {t('checklist.callIn.complete')}</span>}
      </p>
      <div className="cl-callin__agents">
        <label htmlFor={`${id}-agents`}>{t('checklist.callIn.agents')}</label>
        {/* Remounted once the stored count has loaded; afterwards the field owns its text while the lead types. */}
        <AgentCountInput
          key={agentCount === undefined ? 'loading' : 'loaded'}
          id={`${id}-agents`}
          value={agentCount}
          onChange={onAgentCount}
        />
        {callIn.pool !== undefined && (
          <span className="muted">{t('checklist.callIn.pool', { percent, pool: callIn.pool })}</span>
        )}
      </div>
      {callIn.people.length > 0 && (
        <ol className="cl-callin__people">
          {callIn.people.map((p) => (
            <li key={p.eventId}>
              {t('checklist.callIn.confirmedBy', {
                person: p.person,
                name: p.by === UNSIGNED ? t('checklist.unsigned') : p.by,
                time: clockTime(p.at, zone),
              })}
            </li>
          ))}
        </ol>
      )}
      <form className="cl-form" onSubmit={(e) => void submit(e)}>
        <label htmlFor={`${id}-person`}>{t('checklist.callIn.person')}</label>
        <input
          id={`${id}-person`}
          value={person}
          maxLength={128}
          onChange={(e) => setPerson(e.target.value)}
        />
        <button type="submit" disabled={busy || !person.trim()}>
          {t('checklist.callIn.confirm')}
        </button>
      </form>
    </div>
  );
}

function AgentCountInput(props: { id: string; value: number | undefined; onChange(count: number): void }) {
  const [text, setText] = useState(props.value === undefined ? '' : String(props.value));
  return (
    <input
      id={props.id}
      type="number"
      inputMode="numeric"
      min={0}
      max={10000}
      step={1}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const count = Number(e.target.value);
        // Half-typed input ("", "-") is kept on screen but not saved; the pool follows once it is a number.
        if (e.target.value.trim() !== '' && Number.isInteger(count) && count >= 0) props.onChange(count);
      }}
    />
  );
}
