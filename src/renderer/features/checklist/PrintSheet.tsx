import { useTranslation } from 'react-i18next';
import { localize, type ChecklistStep, type ChecklistTemplate, type DerivedStep } from '@shared/checklists';
import type { IncidentState } from '@shared/incidents';
import type { Locale } from '@shared/settings/schema';
import { usePolicyStore } from '../../app/policy-store';
import { clockTime, dateTime } from '../incidents/format';
import { levelName, roleName, scenarioName } from '../incidents/use-incidents';
import { useSeatStore } from '../settings/seat-store';
import { UNSIGNED } from './checklist-model';
import type { RunningChecklist } from './use-checklist';
import { durationText, type Translate } from './format';

/**
 * The paper version. Hidden on screen and the only thing printed (see the print CSS): a blank template to work on
 * paper when the PCs are down, or the running checklist with each step's state, who and when — for the binder,
 * the handover and the report.
 */
export function PrintSheet(
  props:
    | { kind: 'blank'; template: ChecklistTemplate }
    | { kind: 'running'; incident: IncidentState; running: RunningChecklist; now: Date },
) {
  const { t } = useTranslation();
  const locale = useSeatStore((s) => s.settings.locale);
  const policy = usePolicyStore((s) => s.state.policy);
  const zone = policy.calendar.timeZone;
  const template = props.kind === 'blank' ? props.template : props.running.template;

  return (
    <article className="print-sheet" data-testid="print-sheet" data-kind={props.kind}>
      <header>
        <h1>{localize(template.title, locale)}</h1>
        <p>
          {t('checklist.template', { id: template.id, version: template.version })}
          {template.source ? ` · ${template.source}` : ''}
        </p>
        {props.kind === 'running' ? (
          <>
            <p>
              <strong>
                {scenarioName(props.incident.scenario, locale, props.incident.template)} ·{' '}
                {levelName(policy, props.incident.level, locale)}
              </strong>{' '}
              {t('checklist.print.declared', {
                time: dateTime(props.incident.declared.at, zone),
                author: props.incident.declared.author || t('checklist.unsigned'),
                seat: props.incident.declared.seat || t('checklist.unknownSeat'),
              })}
              {props.incident.resolvedAt &&
                ` · ${t('checklist.resolvedAt', { time: dateTime(props.incident.resolvedAt, zone) })}`}
            </p>
            <p>
              {t('checklist.progress', { ...props.running.checklist.progress })} ·{' '}
              {t('checklist.print.printedAt', { time: dateTime(props.now, zone) })}
            </p>
          </>
        ) : (
          <p>{t('checklist.print.blankDeclared')}</p>
        )}
      </header>
      <table>
        <thead>
          <tr>
            <th>{t('checklist.print.columns.no')}</th>
            <th>{t('checklist.print.columns.step')}</th>
            <th>{t('checklist.print.columns.owner')}</th>
            <th>{t('checklist.print.columns.due')}</th>
            <th>{t('checklist.print.columns.state')}</th>
          </tr>
        </thead>
        <tbody>
          {props.kind === 'blank'
            ? template.steps.map((step, index) => (
                <tr key={step.id}>
                  <td>☐ {index + 1}</td>
                  <td>
                    {localize(step.text, locale)}
                    {step.callIn && <div>{t('checklist.print.callInBlank')}</div>}
                  </td>
                  <td>{roleName(step.owner, locale)}</td>
                  <td>{plannedClock(t, step)}</td>
                  <td>{t('checklist.print.sign')}</td>
                </tr>
              ))
            : props.running.checklist.steps.map((derived, index) => (
                <RunningRow
                  key={derived.step.id}
                  derived={derived}
                  number={index + 1}
                  t={t}
                  locale={locale}
                  zone={zone}
                />
              ))}
        </tbody>
      </table>
    </article>
  );
}

function RunningRow(props: {
  derived: DerivedStep;
  number: number;
  t: Translate;
  locale: Locale;
  zone: string;
}) {
  const { derived, number, t, locale, zone } = props;
  const who = (by: string) => (by === UNSIGNED ? t('checklist.unsigned') : by);
  const change = derived.lastChange;
  const mark = derived.state === 'done' ? '☑' : derived.state === 'skipped' ? '⊘' : '☐';
  return (
    <tr className={derived.visible ? undefined : 'print-sheet__later'} data-state={derived.state}>
      <td>
        {mark} {number}
      </td>
      <td>
        {localize(derived.step.text, locale)}
        {derived.notes.map((note) => (
          <div key={note.eventId} className="print-sheet__note">
            {t('checklist.noteBy', {
              time: clockTime(note.at, zone),
              name: who(note.by),
              seat: note.seat || t('checklist.unknownSeat'),
              text: note.text,
            })}
          </div>
        ))}
        {derived.callIn && (
          <div>
            {derived.callIn.pool === undefined
              ? t('checklist.callIn.progressNoPool', { confirmed: derived.callIn.confirmed })
              : t('checklist.callIn.progress', {
                  confirmed: derived.callIn.confirmed,
                  pool: derived.callIn.pool,
                })}
            {derived.callIn.people.length > 0 && `: ${derived.callIn.people.map((p) => p.person).join('、')}`}
          </div>
        )}
      </td>
      <td>{roleName(derived.step.owner, locale)}</td>
      <td>
        {derived.dueAt
          ? clockTime(derived.nextRepeatDueAt ?? derived.dueAt, zone)
          : derived.appearsAt
            ? t('checklist.appearsAt', { time: clockTime(derived.appearsAt, zone) })
            : plannedClock(t, derived.step)}
        {derived.overdue && ` · ${t('checklist.print.overdue')}`}
      </td>
      <td>
        {t(`checklist.state.${derived.state}`)}
        {change && derived.state !== 'pending' && (
          <div className="print-sheet__who">
            {who(change.by)} · {change.seat || t('checklist.unknownSeat')} · {clockTime(change.at, zone)}
          </div>
        )}
        {derived.skipReason && <div>{derived.skipReason}</div>}
      </td>
    </tr>
  );
}

/** A step's clock as the plan states it, for paper: "within 5 min of declaration", "every 1 h"… */
function plannedClock(t: Translate, step: ChecklistStep): string {
  const parts: string[] = [];
  if (step.showAfterMinutes !== undefined && step.showCondition === 'not-recovered')
    parts.push(t('checklist.print.showIf', { duration: durationText(t, step.showAfterMinutes) }));
  if (step.dueAfterMinutes === 0 && step.dueFrom !== 'resolved') parts.push(t('checklist.print.immediately'));
  else if (step.dueAfterMinutes !== undefined)
    parts.push(
      step.dueFrom === 'resolved'
        ? t('checklist.print.dueResolved', { duration: durationText(t, step.dueAfterMinutes) })
        : t('checklist.print.due', { duration: durationText(t, step.dueAfterMinutes) }),
    );
  if (step.repeatEveryMinutes !== undefined)
    parts.push(t('checklist.print.every', { duration: durationText(t, step.repeatEveryMinutes) }));
  return parts.join(' · ');
}
