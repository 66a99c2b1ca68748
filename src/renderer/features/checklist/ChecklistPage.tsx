import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { localize } from '@shared/checklists';
import type { IncidentState } from '@shared/incidents';
import { usePolicyStore } from '../../app/policy-store';
import { clockTime, dateTime } from '../incidents/format';
import {
  levelName,
  scenarioName,
  useIncidents,
  useIncidentsLoaded,
  useNow,
} from '../incidents/use-incidents';
import { useSeatStore } from '../settings/seat-store';
import { useAgentCount } from './agent-count';
import { chooseIncident, moveFocus } from './checklist-model';
import { useChecklistUi } from './checklist-ui-store';
import { PrintSheet } from './PrintSheet';
import { ScriptsPanel } from './ScriptsPanel';
import { StepItem } from './StepItem';
import { ChecklistRuntime } from './use-checklist-notifications';
import { useRunningChecklist, type RunningChecklist } from './use-checklist';
import { useStepHandlers } from './use-step-handlers';
import { useTemplates, type Templates } from './use-templates';

/**
 * The checklist place: the chosen incident's plan step by step with its clocks running, the scripts beside it, and
 * paper versions (the running checklist, or a blank template) for when the screens cannot be trusted.
 */
export function ChecklistPage() {
  const { t } = useTranslation();
  const incidents = useIncidents();
  const loaded = useIncidentsLoaded();
  const templates = useTemplates();
  const now = useNow(1000);
  const chosenId = useChecklistUi((s) => s.incidentId);
  const incident = chooseIncident(incidents, chosenId);
  const [agentCount, setAgentCount] = useAgentCount(incident?.id);
  const running = useRunningChecklist(incident, templates, now, agentCount);
  const print = useChecklistUi((s) => s.print);
  const notice = useChecklistUi((s) => s.notice);

  function printSheet(target: typeof print) {
    // The sheet must be in the DOM before the print dialog snapshots the page.
    flushSync(() => useChecklistUi.getState().setPrint(target));
    window.print();
  }

  const blankTemplate =
    print.kind === 'blank' ? templates.current.find((tpl) => tpl.id === print.templateId) : undefined;

  return (
    <section className="page checklist" aria-labelledby="checklist-title">
      {/* Step notifications while this place is shown; harmless if the shell also mounts it app-wide. */}
      <ChecklistRuntime />
      <div className="checklist__screen">
        <header className="page__head">
          <h1 id="checklist-title">{t('checklist.title')}</h1>
          {incidents.length > 0 && <IncidentPicker incidents={incidents} current={incident} />}
          {running && incident && (
            <button type="button" onClick={() => printSheet({ kind: 'running' })}>
              {t('checklist.print.button')}
            </button>
          )}
        </header>
        {notice && (
          <p className="notice notice--warn" role="alert">
            {notice}
          </p>
        )}
        {loaded && !incident && <p className="muted">{t('checklist.none')}</p>}
        {incident && !running && (
          <p className="notice notice--warn">{t('checklist.noTemplate', { scenario: incident.scenario })}</p>
        )}
        <div className="checklist__layout">
          {incident && running ? (
            <RunningView
              key={incident.id}
              incident={incident}
              running={running}
              now={now}
              agentCount={agentCount}
              setAgentCount={setAgentCount}
            />
          ) : (
            <div />
          )}
          <ScriptsPanel />
        </div>
        <BlankTemplates templates={templates} suggested={running?.template.id} onPrint={printSheet} />
      </div>
      {print.kind === 'blank' && blankTemplate ? (
        <PrintSheet kind="blank" template={blankTemplate} />
      ) : (
        incident && running && <PrintSheet kind="running" incident={incident} running={running} now={now} />
      )}
    </section>
  );
}

function IncidentPicker({ incidents, current }: { incidents: IncidentState[]; current?: IncidentState }) {
  const { t } = useTranslation();
  const policy = usePolicyStore((s) => s.state.policy);
  const locale = useSeatStore((s) => s.settings.locale);
  const id = useId();
  const label = (incident: IncidentState) =>
    t('checklist.incidentOption', {
      scenario: scenarioName(incident.scenario, locale, incident.template),
      level: levelName(policy, incident.level, locale),
      time: dateTime(incident.declared.at, policy.calendar.timeZone),
    });
  const open = incidents.filter((i) => i.status === 'open');
  const resolved = incidents.filter((i) => i.status === 'resolved');
  return (
    <span className="checklist__picker">
      <label htmlFor={id}>{t('checklist.incident')}</label>
      <select
        id={id}
        value={current?.id ?? ''}
        onChange={(e) => useChecklistUi.getState().selectIncident(e.target.value || null)}
      >
        {open.length > 0 && (
          <optgroup label={t('checklist.openGroup')}>
            {open.map((i) => (
              <option key={i.id} value={i.id}>
                {label(i)}
              </option>
            ))}
          </optgroup>
        )}
        {resolved.length > 0 && (
          <optgroup label={t('checklist.resolvedGroup')}>
            {resolved.map((i) => (
              <option key={i.id} value={i.id}>
                {label(i)}
              </option>
            ))}
          </optgroup>
        )}
      </select>
    </span>
  );
}

function RunningView(props: {
  incident: IncidentState;
  running: RunningChecklist;
  now: Date;
  agentCount: number | undefined;
  setAgentCount(count: number): void;
}) {
  const { incident, running, now, agentCount, setAgentCount } = props;
  const { t } = useTranslation();
  const policy = usePolicyStore((s) => s.state.policy);
  const zone = policy.calendar.timeZone;
  const { locale, agentName } = useSeatStore((s) => s.settings);
  const focusedStepId = useChecklistUi((s) => s.focusedStepId);
  const form = useChecklistUi((s) => s.form);
  const listRef = useRef<HTMLOListElement>(null);
  const { template, checklist, exact } = running;
  const visible = checklist.steps.filter((s) => s.visible);
  const later = checklist.steps.filter((s) => !s.visible && s.appearsAt !== undefined);
  const ids = visible.map((s) => s.step.id);
  // The keyboard lands on the first step still to do, unless it is already somewhere on the list.
  const focusId =
    focusedStepId && ids.includes(focusedStepId)
      ? focusedStepId
      : (visible.find((s) => s.state === 'pending')?.step.id ?? ids[0] ?? null);

  const focusElement = useCallback((stepId: string | null) => {
    if (!stepId) return;
    useChecklistUi.getState().focusStep(stepId);
    listRef.current?.querySelector<HTMLElement>(`[data-step="${stepId}"]`)?.focus();
  }, []);
  const handlers = useStepHandlers(incident.id, setAgentCount, focusElement);

  // Arriving on the place (Alt+3) puts the keys on the list straight away — unless a dialog (the declaration) is
  // open over it, whose field the user is typing in.
  const arrived = useRef(false);
  useEffect(() => {
    if (arrived.current || focusId === null) return;
    arrived.current = true;
    if (document.querySelector('dialog[open]')) return;
    listRef.current?.querySelector<HTMLElement>(`[data-step="${focusId}"]`)?.focus();
  }, [focusId]);

  function onKeyDown(event: KeyboardEvent<HTMLOListElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const item = event.target;
    // Keys belong to the step only when the step itself has focus: not while typing a note or on a button.
    if (!(item instanceof HTMLElement) || item.dataset['step'] === undefined) return;
    const stepId = item.dataset['step'];
    const derived = visible.find((s) => s.step.id === stepId);
    if (!derived) return;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        event.preventDefault();
        focusElement(moveFocus(ids, stepId, event.key === 'ArrowDown' ? 1 : -1));
        break;
      case ' ':
        event.preventDefault();
        handlers.toggle(derived);
        break;
      case 's':
      case 'S':
        event.preventDefault();
        if (derived.state !== 'skipped') handlers.openForm(stepId, 'skip');
        break;
      case 'n':
      case 'N':
        event.preventDefault();
        handlers.openForm(stepId, 'note');
        break;
    }
  }

  const { progress } = checklist;
  return (
    <div className="checklist__running" data-testid="running-checklist" data-incident={incident.id}>
      <h2>{localize(template.title, locale)}</h2>
      <p className="muted">
        {t('checklist.template', { id: template.id, version: template.version })}
        {incident.resolvedAt &&
          ` · ${t('checklist.resolvedAt', { time: clockTime(incident.resolvedAt, zone) })}`}
      </p>
      {!exact && (
        <p className="notice notice--warn">
          {t('checklist.templateFallback', {
            id: incident.templateId,
            version: incident.templateVersion,
            current: template.version,
          })}
        </p>
      )}
      {!agentName.trim() && <p className="notice notice--warn">{t('checklist.signHint')}</p>}
      <div className="cl-progress">
        <progress
          value={progress.done + progress.skipped}
          max={Math.max(1, progress.visible)}
          aria-label={t('checklist.progressLabel')}
          data-testid="checklist-progress"
        />
        <span data-testid="checklist-progress-text">{t('checklist.progress', { ...progress })}</span>
      </div>
      <p className="muted cl-keys">{t('checklist.keys')}</p>
      <ol className="cl-steps" ref={listRef} onKeyDown={onKeyDown} aria-label={t('checklist.steps')}>
        {visible.map((derived) => (
          <StepItem
            key={derived.step.id}
            derived={derived}
            number={checklist.steps.indexOf(derived) + 1}
            focused={derived.step.id === focusId}
            form={form?.stepId === derived.step.id ? form.kind : null}
            now={now}
            zone={zone}
            locale={locale}
            agentCount={agentCount}
            handlers={handlers}
          />
        ))}
      </ol>
      {later.length > 0 && (
        <ul className="cl-later" data-testid="checklist-later">
          {later.map((derived) => (
            <li key={derived.step.id} className="muted" data-step-later={derived.step.id}>
              {t('checklist.appearsAt', { time: clockTime(derived.appearsAt ?? '', zone) })}:{' '}
              {localize(derived.step.text, locale)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function BlankTemplates(props: {
  templates: Templates;
  suggested: string | undefined;
  onPrint(target: { kind: 'blank'; templateId: string }): void;
}) {
  const { templates, suggested, onPrint } = props;
  const { t } = useTranslation();
  const locale = useSeatStore((s) => s.settings.locale);
  const id = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  const templateId = chosen ?? suggested ?? templates.current[0]?.id ?? '';
  return (
    <section className="cl-blank" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('checklist.print.blankTitle')}</h2>
      <label htmlFor={id}>{t('checklist.print.blankTemplate')}</label>
      <select id={id} value={templateId} onChange={(e) => setChosen(e.target.value)}>
        {templates.current.map((tpl) => (
          <option key={tpl.id} value={tpl.id}>
            {localize(tpl.title, locale)} (v{tpl.version})
          </option>
        ))}
      </select>
      <button type="button" disabled={!templateId} onClick={() => onPrint({ kind: 'blank', templateId })}>
        {t('checklist.print.blankButton')}
      </button>
    </section>
  );
}
