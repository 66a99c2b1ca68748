import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useWriteError } from './write-error';

/** Blocks the screen until the agent has read why the save failed; the draft stays in the form. */
export function WriteErrorDialog() {
  const { t } = useTranslation();
  const error = useWriteError((s) => s.error);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (error && !ref.current?.open) ref.current?.showModal();
  }, [error]);
  if (!error) return null;
  return (
    <dialog
      ref={ref}
      className="dialog"
      role="alertdialog"
      aria-labelledby="write-error-title"
      onClose={() => useWriteError.setState({ error: null })}
    >
      <h2 id="write-error-title">{t('calls.writeFailedTitle')}</h2>
      <p>
        {error.quota ? t('calls.writeFailedQuota') : t('calls.writeFailedOther', { detail: error.detail })}
      </p>
      <form method="dialog">
        <button type="submit" className="primary" autoFocus>
          {t('calls.dismiss')}
        </button>
      </form>
    </dialog>
  );
}
