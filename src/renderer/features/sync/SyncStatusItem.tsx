import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useLocalStore } from '../../data/local-store';

/** How many changes wait in the outbox for the centre. */
export function SyncStatusItem() {
  const { t } = useTranslation();
  const { db } = useLocalStore();
  const pending = useLiveQuery(() => db.outbox.count(), [db], 0);
  return (
    <span className="status__item" data-testid="status-pending">
      {t('status.pendingSync', { count: pending })}
    </span>
  );
}
