import { useTranslation } from 'react-i18next';
import { localize, scriptById, type DerivedStep } from '@shared/checklists';
import type { Locale } from '@shared/settings/schema';
import { useNavStore } from '../../app/nav-store';
import { clockTime, countdown } from '../incidents/format';
import { roleName } from '../incidents/use-incidents';
import { CallInBlock } from './CallInBlock';
import { UNSIGNED } from './checklist-model';
import { durationText } from './format';
import type { StepFormKind } from './checklist-ui-store';
import { SnippetCard } from './SnippetCard';
import { useTemplates } from './use-templates';
import { StepForm } from './StepForm';

export interface StepHandlers {
  toggle(derived: DerivedStep): void;
  openForm(stepId: string, kind: StepFormKind): void;
  closeForm(): void;
  submitForm(stepId: string, kind: StepFormKind, text: string): Promise<boolean>;
  confirmCallIn(stepId: string, person: string): Promise<boolean>;
  setAgentCount(count: number): void;
  focus(stepId: string): void;
}

/**
 * One visible step: what to do and who owns it, its clock counting down (red once overdue), who ticked or skipped it
 * and when, its notes, its scripts with copy buttons, and — for a surge tier — the call-in list. The item itself
 * takes keyboard focus (roving tabindex); the list handles ↑/↓, Space, S and N.
 */
export function StepItem(props: {
  derived: DerivedStep;
  number: number;
  focused: boolean;
  form: StepFormKind | null;
  now: Date;
  zone: string;
  locale: Locale;
  agentCount: number | undefined;
  handlers: StepHandlers;
}) {
  const { derived, number, focused, form, now, zone, locale, agentCount, handlers } = props;
  const { t } = useTranslation();
  const { step, state } = derived;
  const text = localize(step.text, locale);
  const who = (by: string) => (by === UNSIGNED ? t('checklist.unsigned') : by);
  const seat = (name: string) => name || t('checklist.unknownSeat');
  const { scripts: known } = useTemplates();
  const scripts = (step.links?.scripts ?? []).flatMap((id) => scriptById(id, known) ?? []);
  const deadline = derived.nextRepeatDueAt ?? derived.dueAt;
  const app = step.links?.app;

  return (
    <li
      className={`cl-step cl-step--${state}${derived.overdue ? ' cl-step--overdue' : ''}`}
      data-testid="checklist-step"
      data-step={step.id}
      data-state={state}
      data-overdue={derived.overdue ? 'true' : 'false'}
      tabIndex={focused ? 0 : -1}
      aria-label={`${number}. ${text} — ${t(`checklist.state.${state}`)}`}
      onFocus={(event) => {
        if (event.target === event.currentTarget) handlers.focus(step.id);
      }}
    >
      <div className="cl-step__head">
        <input
          type="checkbox"
          // Space on the item does the same; the box is for the mouse, so it stays out of the tab order.
          tabIndex={-1}
          checked={state === 'done'}
          aria-label={text}
          onChange={() => handlers.toggle(derived)}
        />
        <span className="cl-step__number">{number}.</span>
        <span className="cl-step__text">{text}</span>
        <span className="cl-step__state" data-testid="step-state">
          {t(`checklist.state.${state}`)}
        </span>
      </div>
      <div className="cl-step__meta">
        <span className="muted">{t('checklist.owner', { role: roleName(step.owner, locale) })}</span>
        {derived.msLeft !== undefined && deadline !== undefined && (
          <span className="cl-step__clock" data-testid="step-clock">
            {derived.overdue
              ? t('checklist.overdueBy', { time: countdown(new Date(deadline), now) })
              : t('checklist.left', { time: countdown(new Date(deadline), now) })}{' '}
            · {t('checklist.dueAt', { time: clockTime(deadline, zone) })}
          </span>
        )}
        {step.dueFrom === 'resolved' && derived.dueAt === undefined && step.dueAfterMinutes !== undefined && (
          <span className="muted">
            {t('checklist.dueAfterResolution', { duration: durationText(t, step.dueAfterMinutes) })}
          </span>
        )}
        {step.repeatEveryMinutes !== undefined && (
          <span className="muted">
            {t('checklist.repeat', {
              duration: durationText(t, step.repeatEveryMinutes),
              rounds: derived.rounds,
            })}
          </span>
        )}
      </div>
      {derived.lastChange && state !== 'pending' && (
        <p className="cl-step__who" data-testid="step-who">
          {state === 'done'
            ? t('checklist.doneBy', {
                name: who(derived.lastChange.by),
                seat: seat(derived.lastChange.seat),
                time: clockTime(derived.lastChange.at, zone),
              })
            : t('checklist.skippedBy', {
                name: who(derived.lastChange.by),
                seat: seat(derived.lastChange.seat),
                time: clockTime(derived.lastChange.at, zone),
                reason: derived.skipReason ?? '',
              })}
        </p>
      )}
      {derived.notes.length > 0 && (
        <ul className="cl-step__notes" data-testid="step-notes">
          {derived.notes.map((note) => (
            <li key={note.eventId}>
              {t('checklist.noteBy', {
                time: clockTime(note.at, zone),
                name: who(note.by),
                seat: seat(note.seat),
                text: note.text,
              })}
            </li>
          ))}
        </ul>
      )}
      {derived.callIn && step.callIn && (
        <CallInBlock
          callIn={derived.callIn}
          percent={step.callIn.poolPercentOfAgents}
          agentCount={agentCount}
          onAgentCount={handlers.setAgentCount}
          onConfirm={(person) => handlers.confirmCallIn(step.id, person)}
          zone={zone}
        />
      )}
      {scripts.length > 0 && (
        <details className="cl-step__scripts">
          <summary>
            {t('checklist.scripts.forStep')} ({scripts.length})
          </summary>
          <ul className="cl-snippets">
            {scripts.map((snippet) => (
              <SnippetCard key={snippet.id} snippet={snippet} />
            ))}
          </ul>
        </details>
      )}
      <div className="cl-step__actions">
        <button
          type="button"
          className={state === 'done' ? undefined : 'primary'}
          onClick={() => handlers.toggle(derived)}
        >
          {state === 'done' ? t('checklist.uncheck') : t('checklist.check')}
        </button>
        {state !== 'skipped' && (
          <button type="button" onClick={() => handlers.openForm(step.id, 'skip')}>
            {t('checklist.skip')}
          </button>
        )}
        <button type="button" onClick={() => handlers.openForm(step.id, 'note')}>
          {t('checklist.addNote')}
        </button>
        {app && (
          <button type="button" className="link" onClick={() => useNavStore.getState().go(app.place)}>
            {t(`checklist.open.${app.place}`)}
          </button>
        )}
      </div>
      {form && (
        <StepForm
          key={form}
          kind={form}
          onSubmit={(value) => handlers.submitForm(step.id, form, value)}
          onClose={handlers.closeForm}
        />
      )}
    </li>
  );
}
