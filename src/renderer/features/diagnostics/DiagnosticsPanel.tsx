import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '@shared/ipc/contract';
import { usePolicyStore } from '../../app/policy-store';
import { useStorageState } from '../../app/storage-watch';
import { floorguard } from '../../bridge/floorguard';
import { useLocalStore } from '../../data/local-store';
import { selectFloorPower, useMonitorsStore } from '../power/monitors-store';
import { useSyncStore } from '../sync/sync-store';
import { diagnosticsReport } from './diagnostics-report';
import { useOutboxCount } from '../../data/outbox-count';

const mib = (bytes: number | null) => (bytes === null ? '?' : `${(bytes / 1024 / 1024).toFixed(1)} MiB`);

/** About/Diagnostics: what this seat runs, where its policy came from, how its storage is — one click to copy. */
export function DiagnosticsPanel() {
  const { t } = useTranslation();
  const { db, epoch } = useLocalStore();
  const policy = usePolicyStore((s) => s.state);
  const storage = useStorageState();
  const [app, setApp] = useState<AppInfo | null>(null);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const pendingSync = useOutboxCount(db);
  const pendingJournal = useLiveQuery(() => db.pendingJournal.count(), [db], 0);
  const central = useSyncStore((s) => s.central);
  const syncStatus = useSyncStore((s) => s.status);
  const ups = useMonitorsStore((s) => s.ups);
  const lines = useMonitorsStore((s) => s.lines);
  const severity = useMonitorsStore((s) => selectFloorPower(s).severity);

  useEffect(() => {
    void floorguard()
      .invoke('app:info', {})
      .then((r) => r.ok && setApp(r.value));
  }, []);

  const report = useMemo(
    () =>
      diagnosticsReport({
        app,
        policy,
        storage,
        database: { epoch, pendingSync, pendingJournal },
        sync: {
          central,
          phase: syncStatus.phase,
          lastSuccessAt: syncStatus.lastSuccessAt,
          error: syncStatus.error
            ? {
                code: syncStatus.error.code,
                status: syncStatus.error.status,
                stopped: syncStatus.error.stopped,
              }
            : null,
        },
        monitors: {
          severity,
          ups: ups.map((u) => ({ name: u.name, status: u.status, charge: u.batteryCharge, stale: u.stale })),
          lines: lines.map((l) => ({ name: l.name, role: l.role, health: l.health })),
        },
        userAgent: navigator.userAgent,
        now: new Date(),
      }),
    [app, policy, storage, epoch, pendingSync, pendingJournal, central, syncStatus, severity, ups, lines],
  );

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(report);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  };

  const percent =
    storage.usage !== null && storage.quota ? Math.round((storage.usage / storage.quota) * 100) : 0;
  const policyLine = policy.errors.length
    ? t('diagnostics.policyInvalid')
    : policy.found
      ? t('diagnostics.policyFound', { path: policy.path })
      : t('diagnostics.policyMissing', { path: policy.path });

  return (
    <section className="page diagnostics" aria-labelledby="diagnostics-title">
      <h2 id="diagnostics-title">{t('diagnostics.title')}</h2>
      <dl className="diagnostics__list">
        <dt>{t('diagnostics.version')}</dt>
        <dd data-testid="diag-version">{app ? `${app.name} ${app.version}` : '…'}</dd>
        <dt>{t('diagnostics.host')}</dt>
        <dd>{app ? t(`status.host.${app.host}`) : '…'}</dd>
        <dt>{t('diagnostics.platform')}</dt>
        <dd>{app?.platform ?? '…'}</dd>
        <dt>{t('diagnostics.dataFolder')}</dt>
        <dd>
          <code>{app?.userDataDir ?? '…'}</code>
        </dd>
        <dt>{t('diagnostics.policy')}</dt>
        <dd data-testid="diag-policy">
          {policyLine}
          {policy.lockedPaths.length > 0 && (
            <div className="muted small">
              🔒 {t('diagnostics.locked', { count: policy.lockedPaths.length })}:{' '}
              {policy.lockedPaths.join(', ')}
            </div>
          )}
        </dd>
        <dt>{t('diagnostics.storage')}</dt>
        <dd>
          {t('diagnostics.persisted')}:{' '}
          {storage.persisted === null
            ? t('diagnostics.persistedUnknown')
            : storage.persisted
              ? t('diagnostics.persistedYes')
              : t('diagnostics.persistedNo')}
          {' · '}
          {t('diagnostics.usage', { used: mib(storage.usage), quota: mib(storage.quota), percent })}
        </dd>
        <dt>{t('diagnostics.database')}</dt>
        <dd>
          {t('diagnostics.epoch')}: <code>{epoch}</code> · {t('diagnostics.pending')}: {pendingSync} ·{' '}
          {t('diagnostics.journalPending')}: {pendingJournal}
        </dd>
        <dt>{t('diagnostics.central')}</dt>
        <dd data-testid="diag-central">
          {central ? t(`diagnostics.centralState.${central.state}`) : '…'}
          {central?.serverUrl ? ` · ${central.serverUrl}` : ''}
          {central?.siteCode ? ` · ${central.siteCode}` : ''}
          {' · '}
          {syncStatus.lastSuccessAt
            ? t('diagnostics.lastSync', { at: new Date(syncStatus.lastSuccessAt).toLocaleString() })
            : t('diagnostics.neverSynced')}
        </dd>
        {app?.newCallShortcut && (
          <>
            <dt>{t('diagnostics.shortcut')}</dt>
            <dd data-testid="diag-shortcut">
              {t(`diagnostics.shortcutState.${app.newCallShortcut.state}`, {
                key: app.newCallShortcut.accelerator ?? '',
              })}
            </dd>
          </>
        )}
        <dt>{t('diagnostics.monitors')}</dt>
        <dd data-testid="diag-monitors">
          {t('diagnostics.monitorCounts', { ups: ups.length, lines: lines.length })} · {severity}
        </dd>
      </dl>
      <div className="actions">
        <button type="button" onClick={() => void copy()}>
          {t('diagnostics.copy')}
        </button>
        <span role="status">
          {copyState === 'copied'
            ? t('diagnostics.copied')
            : copyState === 'failed'
              ? t('diagnostics.copyFailed')
              : ''}
        </span>
      </div>
      <pre className="diagnostics__report" data-testid="diag-report">
        {report}
      </pre>
    </section>
  );
}
