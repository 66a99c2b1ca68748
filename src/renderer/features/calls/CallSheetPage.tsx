import { useTranslation } from 'react-i18next';
import { CallbackQueue } from './CallbackQueue';
import { CallForm } from './CallForm';
import { CallList } from './CallList';
import { useCallsUi } from './calls-ui-store';

export function CallSheetPage() {
  const { t } = useTranslation();
  const notice = useCallsUi((s) => s.notice);
  return (
    <section className="page call-sheet" aria-labelledby="calls-title">
      <h1 id="calls-title" className="visually-hidden">
        {t('nav.calls')}
      </h1>
      <div className="call-sheet__top">
        <CallForm />
        <CallbackQueue />
      </div>
      <p
        className={`notice notice--${notice?.kind ?? 'ok'}`}
        role="status"
        aria-live="polite"
        data-testid="calls-notice"
      >
        {notice?.text ?? ''}
      </p>
      <CallList />
    </section>
  );
}
