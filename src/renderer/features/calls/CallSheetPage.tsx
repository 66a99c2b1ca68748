import { useTranslation } from 'react-i18next';
import { CallbackQueue } from './CallbackQueue';
import { CallForm } from './CallForm';
import { CallList } from './CallList';
import { CallsNotice } from './CallsNotice';

export function CallSheetPage() {
  const { t } = useTranslation();
  return (
    <section className="page call-sheet" aria-labelledby="calls-title">
      <h1 id="calls-title" className="visually-hidden">
        {t('nav.calls')}
      </h1>
      <div className="call-sheet__top">
        <CallForm />
        <CallbackQueue />
      </div>
      <CallsNotice />
      <CallList />
    </section>
  );
}
