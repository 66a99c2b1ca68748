import { zodResolver } from '@hookform/resolvers/zod';
import { format } from 'date-fns';
import i18next from 'i18next';
import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useForm } from 'react-hook-form';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { formatPhone, normalizePhone } from '@shared/calls/phone';
import type { CallLog } from '@shared/calls/schema';
import { takeEarlyKeys } from '../../boot/handoff';
import { createDraftWriter, readDraft } from '../../data/drafts';
import { useLocalStore } from '../../data/local-store';
import { usePolicyStore } from '../../app/policy-store';
import { useSeatStore } from '../settings/seat-store';
import { CallFormValues, emptyCallForm, toCallLog } from './call-form-model';
import { newCallIdentity, type SaveResult } from './calls-repository';
import { useCallsIndex } from './calls-index';
import { useCallsUi } from './calls-ui-store';
import { useNextCall, type MoveOn } from './next-call';
import { useSaveInFlight } from './save-in-flight';
import { reportWriteError } from './write-error';

const DRAFT_KEY = 'call-form';

/** Whether anything of a call has been typed (agent and seat are remembered, not typed per call). */
function hasTyping(values: Partial<CallFormValues>): boolean {
  return !!(
    values.callerPhone ||
    values.summary ||
    values.problemType ||
    values.callerName ||
    values.customerId
  );
}
const DUPLICATE_WINDOW_MS = 15 * 60_000;

export function CallForm() {
  const { t, i18n } = useTranslation();
  const store = useLocalStore();
  const policy = usePolicyStore((s) => s.state.policy);
  const settings = useSeatStore((s) => s.settings);
  const updateSettings = useSeatStore((s) => s.update);
  const focusRequest = useCallsUi((s) => s.focusRequest);
  const notify = useCallsUi((s) => s.notify);
  const [duplicate, setDuplicate] = useState<{ existing: CallLog; values: CallFormValues } | null>(null);
  const [showMore, setShowMore] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const draftLoaded = useRef(false);
  const saving = useSaveInFlight();
  // The call being saved and the field Enter was pressed in: the form empties for the next call when the agent moves
  // on (next-call.ts).
  const pendingValues = useRef<CallFormValues | null>(null);
  const enteredFrom = useRef<Element | null>(null);
  const nextCall = useNextCall(formRef, (how) => {
    if (pendingValues.current) clearForNextCall(pendingValues.current, how);
  });
  const drafts = useMemo(() => createDraftWriter(store.db, DRAFT_KEY), [store.db]);

  const form = useForm<CallFormValues>({
    resolver: zodResolver(CallFormValues),
    defaultValues: emptyCallForm(settings.agentName, settings.seatName),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { register, handleSubmit, reset, watch, setFocus, setValue, formState, getValues } = form;
  const errors = formState.errors;
  const callbackWanted = watch('callbackWanted');

  // Restore a draft left by a reload or a crash, then keep it up to date behind the typing.
  useEffect(() => {
    let alive = true;
    void readDraft(store.db, DRAFT_KEY).then((stored) => {
      if (!alive) return;
      // Keys typed before the form could take them (boot/early-keys.ts) came before anything typed into it since.
      const early = takeEarlyKeys();
      const parsed = CallFormValues.safeParse(stored);
      const draft = parsed.success ? parsed.data : (stored as CallFormValues | undefined);
      if (draft && hasTyping(draft)) {
        const { agentName, seatName } = useSeatStore.getState().settings;
        reset({ ...emptyCallForm(agentName, seatName), ...draft });
        if (draft.callerName || draft.customerId) setShowMore(true);
        // The draft's call wins; what was typed meanwhile is shown so that it can be typed again.
        notify(
          early.text
            ? { kind: 'warn', text: i18next.t('calls.draftRestoredOverEarlyKeys', { text: early.text }) }
            : { kind: 'ok', text: i18next.t('calls.draftRestored') },
        );
      } else {
        if (early.text) {
          const field = getValues('agent') ? 'callerPhone' : 'agent';
          setValue(field, early.text + getValues(field), { shouldDirty: true });
        }
        if (early.dropped) notify({ kind: 'warn', text: i18next.t('calls.earlyKeysDropped') });
      }
      draftLoaded.current = true;
    });
    const sub = watch((values) => {
      if (!draftLoaded.current) return;
      // An emptied form (after a save, or cleared by hand) leaves no draft behind.
      drafts.write(hasTyping(values) ? values : null);
    });
    return () => {
      alive = false;
      sub.unsubscribe();
    };
  }, [store.db, drafts, reset, watch, notify, getValues, setValue]);

  // The last keys of a draft are written before the page goes (a reload, a close, hidden to the tray), not 150 ms on.
  useEffect(() => {
    const flush = () => drafts.flushNow();
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [drafts]);

  // Settings arrive after the first render: fill agent and seat if the agent has not typed them.
  useEffect(() => {
    const current = getValues();
    if (!current.agent && settings.agentName) form.setValue('agent', settings.agentName);
    if (!current.seat && settings.seatName) form.setValue('seat', settings.seatName);
  }, [settings.agentName, settings.seatName, form, getValues]);

  useEffect(() => {
    setFocus(getValues('agent') ? 'callerPhone' : 'agent');
  }, [focusRequest, setFocus, getValues]);

  /** The newest call with the same number in the last 15 minutes, from the in-memory index (newest first). */
  function findDuplicate(values: CallFormValues): CallLog | undefined {
    const phone = normalizePhone(values.callerPhone);
    if (!phone.ok) return undefined;
    const since = new Date(Date.now() - DUPLICATE_WINDOW_MS).toISOString();
    for (const call of useCallsIndex.getState().all) {
      if (call.createdAt < since) break;
      if (call.callerPhone === phone.e164) return call;
    }
    return undefined;
  }

  /** The form emptied for the next call (agent and seat kept); where the cursor goes depends on how it began. */
  function clearForNextCall(values: CallFormValues, how: MoveOn) {
    // Field by field, only those holding something: each input gets its new value at once (keys typed next land in
    // the empty field), and react-hook-form re-renders nothing.
    const empty = emptyCallForm(values.agent, values.seat);
    const now = getValues();
    const keep = how.kind === 'input' ? how.field : null;
    for (const name of Object.keys(empty) as (keyof CallFormValues)[]) {
      if (name !== keep && now[name] !== empty[name]) setValue(name, empty[name]);
    }
    if (duplicate) setDuplicate(null);
    if (showMore) setShowMore(false);
    const first = values.agent.trim() ? 'callerPhone' : 'agent';
    const focused = document.activeElement;
    const stillWhereEnterWas = !focused || focused === document.body || focused === enteredFrom.current;
    if ((how.kind === 'key' && how.key !== 'Tab') || (how.kind === 'settled' && stillWhereEnterWas)) {
      // Now, not in a later task as react-hook-form's setFocus does: the key being handled must land there.
      const field = formRef.current?.elements.namedItem(first);
      if (field instanceof HTMLElement) field.focus();
    }
  }

  /**
   * Not saved: the call goes back into the form as it was (over anything typed since for the next call) and into
   * the draft, so a reload or a crash keeps it too.
   */
  function keepUnsaved(values: CallFormValues) {
    reset(values, { keepFieldsRef: true });
    drafts.write(values);
  }

  /**
   * Saves a call; the form empties for the next one as soon as the agent moves on to it (next-call.ts), so the next
   * number can be typed while the save becomes durable. "Saved" is shown only then; a failed save puts the call back.
   * `measured`: saved straight from Enter (not after the duplicate prompt), so the time is Enter-to-durable.
   */
  async function commit(
    values: CallFormValues,
    save: () => Promise<SaveResult>,
    confirmation: string,
    measured = false,
  ) {
    // The save's transaction removes the draft: a draft write still waiting is moot, and an empty form needs none.
    drafts.cancel();
    drafts.cleared();
    enteredFrom.current = document.activeElement;
    pendingValues.current = values;
    const saved = saving.during(save);
    nextCall.arm();
    try {
      const result = await saved;
      // Enter-to-durable: IndexedDB committed (strict) and main's journal fsync'd. Read by `npm run bench`.
      if (measured) performance.measure('floorguard:save', 'floorguard:submit');
      nextCall.settle();
      // The confirmation is committed at once (it is one line), not queued behind the list.
      flushSync(() =>
        notify(
          result.journalError
            ? { kind: 'warn', text: t('calls.savedNoJournal', { detail: result.journalError }) }
            : { kind: 'ok', text: confirmation },
        ),
      );
      if (values.agent !== settings.agentName || values.seat !== settings.seatName) {
        void updateSettings({ agentName: values.agent.trim(), seatName: values.seat.trim() });
      }
      // Enter pressed during the save: the next call is saved now — unless nothing of it was typed (a double Enter).
      if (saving.takeQueuedSubmit() && hasTyping(getValues())) {
        setTimeout(() => formRef.current?.requestSubmit(), 0);
      }
    } catch (error) {
      nextCall.disarm();
      keepUnsaved(values);
      reportWriteError(error);
    }
  }

  function saveNew(values: CallFormValues, measured = false) {
    const call = toCallLog(values, newCallIdentity(), policy);
    return commit(
      values,
      () => store.calls.save([call], { clearDraft: DRAFT_KEY }),
      t('calls.saved', { phone: formatPhone(call.callerPhone) }),
      measured,
    );
  }

  function appendTo(existing: CallLog, values: CallFormValues) {
    const note = { at: new Date().toISOString(), agent: values.agent.trim(), text: values.summary.trim() };
    return commit(
      values,
      () =>
        store.calls.save([{ ...existing, notes: [...(existing.notes ?? []), note] }], {
          clearDraft: DRAFT_KEY,
        }),
      t('calls.appended', { phone: formatPhone(existing.callerPhone) }),
    );
  }

  const onValid = async (values: CallFormValues) => {
    const existing = findDuplicate(values);
    if (existing) {
      setDuplicate({ existing, values });
      return;
    }
    await saveNew(values, true);
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Enter during a save (its own fields are already being saved): saves the next call once this one is done.
    if (saving.queueSubmit()) return;
    // Where Enter-to-durable starts (Enter and the Save button both land here): validation is part of it.
    performance.mark('floorguard:submit');
    // Valid values go straight to the save, synchronously: react-hook-form's submit would first re-render the whole
    // form (its submitting and error state) while IndexedDB waits. Invalid ones take its path, which shows the
    // errors and focuses the first.
    const parsed = CallFormValues.safeParse(getValues());
    if (parsed.success) void onValid(parsed.data);
    else void handleSubmit(onValid)(event);
  };

  // Enter saves from anywhere in the form; Shift+Enter is a new line in the summary.
  const onSummaryKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
  };

  const error = (key: keyof CallFormValues) => {
    const message = errors[key]?.message;
    return message ? (
      <span className="field__error" role="alert" id={`call-${key}-error`}>
        {t(message as 'calls.errors.required')}
      </span>
    ) : null;
  };
  const lang = i18n.language === 'en' ? 'en' : 'zh';

  return (
    <form
      ref={formRef}
      className="call-form"
      aria-labelledby="call-form-title"
      onSubmit={onSubmit}
      aria-busy={saving.slow}
      noValidate
    >
      <div className="call-form__head">
        <h2 id="call-form-title">{t('calls.formTitle')}</h2>
        <span className="muted small">{t('calls.newCallHint')}</span>
      </div>
      {/* Never disabled during a save: keys typed then belong to the next call and are kept (save-in-flight.ts). */}
      <fieldset className="call-form__fields">
        <div className="call-form__row">
          <label className="field">
            {t('calls.agent')}
            <input {...register('agent')} aria-invalid={!!errors.agent} autoComplete="off" />
            {error('agent')}
          </label>
          <label className="field field--narrow">
            {t('calls.seat')}
            <input {...register('seat')} autoComplete="off" />
          </label>
        </div>
        <div className="call-form__row">
          <label className="field">
            {t('calls.callerPhone')}
            <input
              {...register('callerPhone')}
              inputMode="tel"
              autoComplete="off"
              aria-invalid={!!errors.callerPhone}
              aria-describedby={errors.callerPhone ? 'call-callerPhone-error' : undefined}
            />
            {error('callerPhone')}
          </label>
          <label className="field">
            {t('calls.problemType')}
            <select {...register('problemType')} aria-invalid={!!errors.problemType}>
              <option value="">{t('calls.chooseProblemType')}</option>
              {policy.problemTypes.map((type, index) => (
                <option key={type.id} value={type.id}>
                  {index + 1} {type.label[lang]}
                </option>
              ))}
            </select>
            {error('problemType')}
          </label>
        </div>
        <label className="field">
          {t('calls.summary')}
          <textarea
            {...register('summary')}
            rows={3}
            onKeyDown={onSummaryKey}
            aria-invalid={!!errors.summary}
          />
          {error('summary')}
        </label>
        <div className="call-form__flags">
          <label className="check">
            <input type="checkbox" {...register('vip')} /> {t('calls.vip')}
          </label>
          <label className="check">
            <input type="checkbox" {...register('callbackWanted')} /> {t('calls.callbackWanted')}
          </label>
          <label className="check">
            <input type="checkbox" {...register('complaint')} /> {t('calls.complaint')}
          </label>
          <label className="check">
            <input type="checkbox" {...register('mediaMention')} /> {t('calls.mediaMention')}
          </label>
          <button
            type="button"
            className="link"
            aria-expanded={showMore}
            onClick={() => setShowMore((v) => !v)}
          >
            {t('calls.more')}
          </button>
        </div>
        {callbackWanted && (
          <div className="call-form__row">
            <label className="field">
              {t('calls.callbackNumber')}
              <input {...register('callbackNumber')} inputMode="tel" autoComplete="off" />
              {error('callbackNumber')}
            </label>
            <label className="field">
              {t('calls.callbackDueAt')}
              <input type="datetime-local" {...register('callbackDueAt')} />
            </label>
          </div>
        )}
        {showMore && (
          <div className="call-form__row">
            <label className="field">
              {t('calls.callerName')}
              <input {...register('callerName')} autoComplete="off" />
            </label>
            <label className="field">
              {t('calls.customerId')}
              <input {...register('customerId')} autoComplete="off" />
            </label>
            <label className="field field--narrow">
              {t('calls.direction')}
              <select {...register('direction')}>
                <option value="inbound">{t('calls.inbound')}</option>
                <option value="outbound">{t('calls.outbound')}</option>
              </select>
            </label>
          </div>
        )}
        {duplicate && (
          <div
            className="duplicate"
            role="alertdialog"
            aria-labelledby="dup-title"
            aria-describedby="dup-body"
          >
            <strong id="dup-title">{t('calls.duplicateTitle')}</strong>
            <p id="dup-body">
              {t('calls.duplicateBody', {
                time: format(new Date(duplicate.existing.createdAt), 'HH:mm'),
                agent: duplicate.existing.agent,
                summary: duplicate.existing.summary,
              })}
            </p>
            <div className="actions">
              <button
                type="button"
                autoFocus
                onClick={() => void appendTo(duplicate.existing, duplicate.values)}
              >
                {t('calls.appendToExisting')}
              </button>
              <button type="button" onClick={() => void saveNew(duplicate.values)}>
                {t('calls.saveAsNew')}
              </button>
            </div>
          </div>
        )}
        <div className="actions">
          <button type="submit" className="primary">
            {t('calls.save')}
          </button>
          {saving.slow && (
            <span className="muted" role="status" data-testid="call-saving">
              {t('calls.saving')}
            </span>
          )}
        </div>
      </fieldset>
    </form>
  );
}
