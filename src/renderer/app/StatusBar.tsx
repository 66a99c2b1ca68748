import { useTranslation } from 'react-i18next';
import { PowerStatusItem } from '../features/power/PowerStatusItem';
import { useSeatStore } from '../features/settings/seat-store';
import { SyncStatusItem } from '../features/sync/SyncStatusItem';
import { useNetworkStatus } from './use-network';

export function StatusBar({ host }: { host: 'electron' | 'harness' | null }) {
  const { t } = useTranslation();
  const online = useNetworkStatus();
  const locale = useSeatStore((s) => s.settings.locale);
  const update = useSeatStore((s) => s.update);
  return (
    <footer className="status" aria-label={t('status.label')}>
      <span
        className={online ? 'status__item status__item--ok' : 'status__item status__item--bad'}
        data-testid="status-network"
      >
        {online ? t('status.online') : t('status.offline')}
      </span>
      <SyncStatusItem />
      <PowerStatusItem />
      <span className="status__spacer" />
      {host && <span className="status__item status__item--muted">{t(`status.host.${host}`)}</span>}
      <button
        type="button"
        className="status__lang"
        aria-label={t('language.label')}
        onClick={() => void update({ locale: locale === 'zh-CN' ? 'en' : 'zh-CN' })}
      >
        {t('language.switchTo')}
      </button>
    </footer>
  );
}
