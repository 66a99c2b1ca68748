import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  SCENARIO_GROUP_LABELS,
  SCENARIO_GROUPS,
  SCENARIO_IDS,
  SCENARIOS,
} from '@shared/checklists/scenarios';
import type { LevelSuggestion } from '@shared/incidents';
import { lowestLevel } from '@shared/policy';
import { useNavStore } from '../../app/nav-store';
import { usePolicyStore } from '../../app/policy-store';
import { useLocalStore } from '../../data/local-store';
import { useTemplates } from '../checklist/use-templates';
import { useSeatStore } from '../settings/seat-store';
import { declareIncident, loadSuggestion } from './declare';
import { pickLabel } from './format';
import { useIncidentsUi } from './incidents-ui-store';
import { askNotificationPermission } from './notifications';
import { levelName } from './use-incidents';
import { useIncidentsRepository } from './use-incidents';

/**
 * Declaration in three keys: Alt+D (or F4) opens it with the scenario list focused, ↓ picks, Enter declares at the
 * suggested level. Choosing another level than the suggestion asks for the reason.
 */
export function DeclareDialog() {
  const { t } = useTranslation();
  const declare = useIncidentsUi((s) => s.declare);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (declare.open && dialog && !dialog.open) dialog.showModal();
    if (!declare.open && dialog?.open) dialog.close();
  }, [declare.open]);
  return (
    <dialog
      ref={ref}
      className="dialog declare"
      aria-labelledby="declare-title"
      onClose={() => useIncidentsUi.getState().closeDeclare()}
    >
      <h2 id="declare-title">{t('incidents.declare.title')}</h2>
      {declare.open && <DeclareForm key={declare.scenario ?? ''} />}
    </dialog>
  );
}

function DeclareForm() {
  const { t } = useTranslation();
  const { db } = useLocalStore();
  const repository = useIncidentsRepository();
  const policy = usePolicyStore((s) => s.state.policy);
  const locale = useSeatStore((s) => s.settings.locale);
  const preset = useIncidentsUi((s) => s.declare);
  const templates = useTemplates();
  // Scenarios a site added through its own templates, after the plan's.
  const siteScenarios = templates.current.filter(
    (template) => !(SCENARIO_IDS as readonly string[]).includes(template.scenarioId),
  );
  const [scenario, setScenario] = useState(preset.scenario ?? SCENARIO_IDS[0]);
  const [suggestion, setSuggestion] = useState<LevelSuggestion | null>(null);
  const [chosenLevel, setChosenLevel] = useState<string | null>(null);
  const [overrideReason, setOverrideReason] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const listRef = useRef<HTMLSelectElement>(null);
  const ids = useId();

  useEffect(() => {
    listRef.current?.focus();
    let live = true;
    void loadSuggestion(db, policy, new Date()).then((s) => live && setSuggestion(s));
    return () => {
      live = false;
    };
  }, [db, policy]);

  const suggested = suggestion?.level ?? null;
  const level = chosenLevel ?? suggested ?? lowestLevel(policy);
  const overriding = suggested !== null && level !== suggested;

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (busy) return;
    if (overriding && overrideReason.trim() === '') {
      setError(t('incidents.declare.overrideRequired', { level: levelName(policy, suggested, locale) }));
      return;
    }
    setBusy(true);
    try {
      const result = await declareIncident(
        repository,
        { scenario, level, description, ...(overriding ? { overrideReason } : {}) },
        suggestion ?? { level: null, reasons: [], alerts: [] },
        templates.current,
      );
      if (result.journalError)
        useIncidentsUi.getState().setNotice(t('incidents.saveFailed', { error: result.journalError }));
      useIncidentsUi.getState().closeDeclare();
      useNavStore.getState().go('incident');
      askNotificationPermission();
    } catch (e) {
      setError(t('incidents.declare.failed', { error: e instanceof Error ? e.message : String(e) }));
      setBusy(false);
    }
  }

  return (
    <form className="declare__form" onSubmit={(e) => void submit(e)} noValidate>
      {preset.offered && (
        <p className="notice notice--warn">{t('incidents.declare.offered', { reason: preset.offered })}</p>
      )}
      <div className="field">
        <label htmlFor={`${ids}-scenario`}>{t('incidents.declare.scenario')}</label>
        <select
          id={`${ids}-scenario`}
          ref={listRef}
          size={10}
          value={scenario}
          onChange={(e) => setScenario(e.target.value)}
          onKeyDown={(e) => {
            // A list box swallows Enter; on the floor Enter means "declare it".
            if (e.key === 'Enter') {
              e.preventDefault();
              void submit();
            }
          }}
        >
          {SCENARIO_GROUPS.map((group) => (
            <optgroup key={group} label={pickLabel(SCENARIO_GROUP_LABELS[group], locale)}>
              {SCENARIO_IDS.filter((id) => SCENARIOS[id].group === group).map((id) => (
                <option key={id} value={id}>
                  {pickLabel(SCENARIOS[id].label, locale)}
                </option>
              ))}
            </optgroup>
          ))}
          {siteScenarios.length > 0 && (
            <optgroup label={t('incidents.declare.siteScenarios')}>
              {siteScenarios.map((template) => (
                <option key={template.id} value={template.scenarioId}>
                  {locale === 'en' ? template.title.en : template.title.zh}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </div>
      <p className="muted">{t('incidents.declare.hint')}</p>

      <section className="declare__suggestion" data-testid="declare-suggestion" aria-live="polite">
        <p>
          {suggested
            ? t('incidents.declare.suggested', { level: levelName(policy, suggested, locale) })
            : t('incidents.declare.noSuggestion')}
        </p>
        {suggestion && suggestion.reasons.length > 0 && (
          <>
            <h3>{t('incidents.declare.reasons')}</h3>
            <ul>
              {suggestion.reasons.map((r) => (
                <li key={r}>
                  <code>{r}</code>
                </li>
              ))}
            </ul>
          </>
        )}
        {suggestion && suggestion.alerts.length > 0 && (
          <>
            <h3>{t('incidents.declare.alerts')}</h3>
            <ul>
              {suggestion.alerts.map((a) => (
                <li key={a.problemType}>
                  <code>{a.reason}</code>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <div className="field field--narrow">
        {/* Labelled by id, not by wrapping: a wrapping label would read the options into the field's name. */}
        <label htmlFor={`${ids}-level`}>{t('incidents.declare.level')}</label>
        <select id={`${ids}-level`} value={level} onChange={(e) => setChosenLevel(e.target.value)}>
          {policy.levels.map((l) => (
            <option key={l.id} value={l.id}>
              {pickLabel(l.label, locale)}
            </option>
          ))}
        </select>
      </div>
      {overriding && (
        <label className="field">
          <span>{t('incidents.declare.overrideReason')}</span>
          <input
            value={overrideReason}
            maxLength={500}
            aria-invalid={error !== null && overrideReason.trim() === ''}
            onChange={(e) => setOverrideReason(e.target.value)}
          />
        </label>
      )}
      <label className="field">
        <span>{t('incidents.declare.description')}</span>
        <input value={description} maxLength={2000} onChange={(e) => setDescription(e.target.value)} />
      </label>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <div className="declare__actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('incidents.declare.submit')}
        </button>
        <button type="button" onClick={() => useIncidentsUi.getState().closeDeclare()}>
          {t('incidents.declare.cancel')}
        </button>
      </div>
    </form>
  );
}
