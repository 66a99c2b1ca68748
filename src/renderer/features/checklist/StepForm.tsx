import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepFormKind } from './checklist-ui-store';

/**
 * The skip reason or the note of one step, inline under it: the field takes focus, Enter saves, Esc goes back to
 * the step. A skip without a reason is refused here with the reason why (the schema refuses it too).
 */
export function StepForm(props: {
  kind: StepFormKind;
  onSubmit(text: string): Promise<boolean>;
  onClose(): void;
}) {
  const { kind, onSubmit, onClose } = props;
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const labels =
    kind === 'skip'
      ? {
          label: t('checklist.skipForm.label'),
          submit: t('checklist.skipForm.submit'),
          required: t('checklist.skipForm.required'),
        }
      : {
          label: t('checklist.noteForm.label'),
          submit: t('checklist.noteForm.submit'),
          required: t('checklist.noteForm.required'),
        };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!text.trim()) return setError(labels.required);
    setBusy(true);
    const saved = await onSubmit(text);
    setBusy(false);
    if (saved) onClose();
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    // The list's own keys must not see this Esc, nor a dialog behind it.
    event.stopPropagation();
    onClose();
  }

  return (
    <form className="cl-form" onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown}>
      <label htmlFor={id}>{labels.label}</label>
      <input
        id={id}
        // The form opens because the user asked for it by key: typing goes straight into it.
        autoFocus
        value={text}
        maxLength={kind === 'skip' ? 500 : 2000}
        onChange={(e) => {
          setText(e.target.value);
          setError(null);
        }}
      />
      <button type="submit" className="primary" disabled={busy}>
        {labels.submit}
      </button>
      <button type="button" onClick={onClose}>
        {t('checklist.cancel')}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
