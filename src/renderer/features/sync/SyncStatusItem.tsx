import { useTranslation } from 'react-i18next';
import { useLocalStore } from '../../data/local-store';
import { describeSync } from './sync-text';
import { useSyncStore } from './sync-store';
import { useOutboxCount } from '../../data/outbox-count';

/**
 * The status bar's sync item: pending count, last sync, and the error state in plain words. It is a button:
 * click or Enter syncs now (and clears a stop once the cause is fixed).
 */
export function SyncStatusItem() {
  const { t, i18n } = useTranslation();
  const { db } = useLocalStore();
  // Live from the outbox itself, so the count is right even before the engine's first round.
  const pending = useOutboxCount(db);
  const status = useSyncStore((s) => s.status);
  const central = useSyncStore((s) => s.central);
  const syncNow = useSyncStore((s) => s.syncNow);
  const text = describeSync(t, i18n.language, status, central);
  return (
    <button
      type="button"
      className={`status__item status__button sync-status sync-status--${text.tone}`}
      data-testid="status-sync"
      data-phase={status.phase}
      title={[text.detail, t('sync.status.hint')].filter(Boolean).join('\n')}
      aria-label={`${t('sync.status.label')}: ${t('sync.status.pending', { count: pending })}, ${text.line}. ${t('sync.status.hint')}`}
      onClick={syncNow}
    >
      <span data-testid="status-pending">{t('sync.status.pending', { count: pending })}</span>
      <span className="sync-status__line" data-testid="status-sync-line">
        {text.line}
      </span>
    </button>
  );
}
