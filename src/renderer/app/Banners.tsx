import { useTranslation } from 'react-i18next';
import { PowerAlerts } from '../features/power/PowerAlerts';
import { StatementBanner } from '../features/incidents/StatementBanner';
import { usePolicyStore } from './policy-store';
import { STORAGE_WARN_RATIO, useStorageState } from './storage-watch';
import { useStartupNotices } from './startup-notices';

/** Things the whole floor must see: restored records, an invalid site policy, storage nearly full. */
export function Banners() {
  const { t } = useTranslation();
  const restored = useStartupNotices((s) => s.restored);
  const policyErrors = usePolicyStore((s) => s.state.errors);
  const policyPath = usePolicyStore((s) => s.state.path);
  const { usage, quota } = useStorageState();
  const ratio = usage !== null && quota ? usage / quota : 0;
  return (
    <div className="banners">
      <StatementBanner />
      <PowerAlerts />
      {restored > 0 && (
        <p className="banner banner--ok" role="status" data-testid="banner-restored">
          {t('calls.restored', { count: restored })}
        </p>
      )}
      {policyErrors.length > 0 && (
        <div className="banner banner--bad" role="alert" data-testid="banner-policy">
          <strong>{t('policy.invalid', { path: policyPath })}</strong>
          <ul>
            {policyErrors.map((e) => (
              <li key={e.path + e.message}>
                <code>{e.path}</code>: {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {ratio >= STORAGE_WARN_RATIO && (
        <p className="banner banner--bad" role="alert">
          {t('storage.nearlyFull', { percent: Math.round(ratio * 100) })}
        </p>
      )}
    </div>
  );
}
