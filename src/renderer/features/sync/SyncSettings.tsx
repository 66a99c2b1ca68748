import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CentralFailure, CentralHealth } from '@shared/ipc/channels/central';
import { HttpServerUrl } from '@shared/ipc/channels/central';
import type { IpcError } from '@shared/ipc/result';
import { IpcErrorMessage } from '../../app/IpcErrorMessage';
import { usePolicyStore } from '../../app/policy-store';
import { floorguard } from '../../bridge/floorguard';
import { useLocalStore } from '../../data/local-store';
import { useSeatStore } from '../settings/seat-store';
import { describeSync, formatTime } from './sync-text';
import { useSyncStore } from './sync-store';
import { useOutboxCount } from '../../data/outbox-count';

/** The settings place's central-sync section: enrolment, its state, and what sync is doing. */
export function SyncSettings() {
  const { t } = useTranslation();
  const central = useSyncStore((s) => s.central);
  const [enrolling, setEnrolling] = useState(false);
  const showForm = enrolling || !central || central.state === 'not-enrolled';
  return (
    <section className="page sync-settings" aria-labelledby="sync-title" data-testid="sync-settings">
      <h2 id="sync-title">{t('sync.enroll.title')}</h2>
      {central && central.state !== 'not-enrolled' && <EnrolmentState onReenrol={() => setEnrolling(true)} />}
      {showForm && <EnrolForm onDone={() => setEnrolling(false)} />}
    </section>
  );
}

function EnrolmentState({ onReenrol }: { onReenrol: () => void }) {
  const { t, i18n } = useTranslation();
  const { db } = useLocalStore();
  const pending = useOutboxCount(db);
  const central = useSyncStore((s) => s.central);
  const status = useSyncStore((s) => s.status);
  const syncNow = useSyncStore((s) => s.syncNow);
  const [confirming, setConfirming] = useState(false);
  if (!central) return null;
  const text = describeSync(t, i18n.language, status, central);

  const leave = async () => {
    const result = await floorguard().invoke('central:unenroll', {});
    if (result.ok) useSyncStore.setState({ central: result.value });
    setConfirming(false);
  };

  return (
    <div className="sync-settings__state">
      <p data-testid="sync-enrolled">
        {t('sync.enroll.enrolled', { site: central.siteCode ?? '', server: central.serverUrl ?? '' })}
      </p>
      <p className="muted small">
        {t('sync.enroll.device', {
          name: central.deviceName ?? '',
          time: central.enrolledAt ? formatTime(central.enrolledAt, i18n.language) : '',
        })}
      </p>
      {central.state === 'token-rejected' && (
        <p role="alert" className="error">
          {t('sync.enroll.tokenRejected', {
            time: central.tokenRejectedAt ? formatTime(central.tokenRejectedAt, i18n.language) : '',
          })}
        </p>
      )}
      {central.secrets.protection === 'unencrypted' && (
        <p className="sync-settings__warn">
          {t('sync.enroll.secretsUnencrypted', { detail: central.secrets.detail ?? '' })}
        </p>
      )}
      <p className={`sync-status--${text.tone}`} data-testid="sync-line">
        {t('sync.status.pending', { count: pending })} · {text.line}
      </p>
      {text.detail && <p className="muted small">{t('sync.enroll.detail', { detail: text.detail })}</p>}
      {status.notices.length > 0 && (
        <ul className="sync-settings__notices" aria-label={t('sync.status.label')}>
          {status.notices.map((n) => (
            <li key={`${n.kind}-${n.at}`}>
              {formatTime(n.at, i18n.language)} {t(`sync.notices.${n.kind}`, { count: n.count })}
            </li>
          ))}
        </ul>
      )}
      <div className="sync-settings__actions">
        <button type="button" onClick={syncNow} data-testid="sync-now">
          {t('sync.status.syncNow')}
        </button>
        <HealthCheck />
        <button type="button" onClick={onReenrol}>
          {t('sync.enroll.reenroll')}
        </button>
        {confirming ? (
          <span role="group" className="sync-settings__confirm">
            {t('sync.enroll.unenrollConfirm', { count: pending })}
            <button type="button" onClick={() => void leave()}>
              {t('sync.enroll.unenroll')}
            </button>
          </span>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            {t('sync.enroll.unenroll')}
          </button>
        )}
      </div>
    </div>
  );
}

/** "Test connection" against the given URL (the form's) or the enrolled server. */
function HealthCheck({ serverUrl }: { serverUrl?: string }) {
  const { t } = useTranslation();
  const [health, setHealth] = useState<CentralHealth | null>(null);
  const [testing, setTesting] = useState(false);
  const test = async () => {
    setTesting(true);
    const result = await floorguard().invoke('central:health', serverUrl ? { serverUrl } : {});
    setTesting(false);
    setHealth(
      result.ok
        ? result.value
        : { reachable: false, status: 0, checkedAt: new Date().toISOString(), message: result.error.message },
    );
  };
  const offMinutes = health?.clockOffsetMs === undefined ? 0 : Math.round(health.clockOffsetMs / 60_000);
  return (
    <>
      <button type="button" onClick={() => void test()} disabled={testing || serverUrl === ''}>
        {testing ? t('sync.enroll.testing') : t('sync.enroll.test')}
      </button>
      {health && (
        <span
          role="status"
          className={health.reachable ? 'sync-status--ok' : 'error'}
          data-testid="sync-health"
        >
          {health.reachable
            ? t('sync.enroll.testOk', { ms: Math.round(health.latencyMs ?? 0) })
            : t('sync.enroll.testFailed', { detail: health.message ?? `HTTP ${health.status}` })}
          {Math.abs(offMinutes) >= 5 && ` ${t('sync.enroll.clockOff', { minutes: offMinutes })}`}
        </span>
      )}
    </>
  );
}

type Field = 'serverUrl' | 'siteCode' | 'enrollmentKey' | 'deviceName';

function EnrolForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const policy = usePolicyStore((s) => s.state.policy.central);
  const seat = useSeatStore((s) => s.settings);
  const central = useSyncStore((s) => s.central);
  const [values, setValues] = useState<Record<Field, string>>({
    serverUrl: central?.serverUrl ?? policy.url ?? '',
    siteCode: central?.siteCode ?? policy.siteCode ?? '',
    enrollmentKey: '',
    deviceName: central?.deviceName ?? (seat.seatName || seat.agentName || ''),
  });
  const [invalid, setInvalid] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<CentralFailure | null>(null);
  const [ipcError, setIpcError] = useState<IpcError | null>(null);
  const [working, setWorking] = useState(false);

  const set = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Partial<Record<Field, string>> = {};
    for (const field of ['serverUrl', 'siteCode', 'enrollmentKey', 'deviceName'] as const) {
      if (!values[field].trim()) problems[field] = t('sync.enroll.required');
    }
    if (!problems.serverUrl && !HttpServerUrl.safeParse(values.serverUrl.trim()).success)
      problems.serverUrl = t('sync.enroll.invalidUrl');
    setInvalid(problems);
    setFailure(null);
    setIpcError(null);
    if (Object.keys(problems).length) return;
    setWorking(true);
    const result = await floorguard().invoke('central:enroll', {
      serverUrl: values.serverUrl.trim(),
      siteCode: values.siteCode.trim(),
      enrollmentKey: values.enrollmentKey.trim(),
      deviceName: values.deviceName.trim(),
    });
    setWorking(false);
    if (!result.ok) return setIpcError(result.error);
    if (!result.value.ok) return setFailure(result.value);
    useSyncStore.setState({ central: result.value.value });
    setValues((v) => ({ ...v, enrollmentKey: '' }));
    onDone();
  };

  const field = (name: Field, label: string, extra: { type?: string; locked?: boolean } = {}) => (
    <label>
      {label}
      <input
        name={name}
        type={extra.type ?? 'text'}
        value={values[name]}
        onChange={(e) => set(name)(e.target.value)}
        // A value the site policy sets is IT's to change, not the seat's.
        readOnly={extra.locked}
        aria-invalid={invalid[name] ? true : undefined}
        aria-describedby={invalid[name] ? `sync-${name}-error` : undefined}
        autoComplete="off"
        spellCheck={false}
      />
      {extra.locked && <span className="muted small">🔒 {t('policy.locked')}</span>}
      {invalid[name] && (
        <span id={`sync-${name}-error`} role="alert" className="error">
          {invalid[name]}
        </span>
      )}
    </label>
  );

  const reason = failure
    ? failure.error === 'unauthorized'
      ? t('sync.enroll.wrongKey')
      : t(`sync.errors.${failure.error}`)
    : '';

  return (
    <form
      className="form sync-settings__form"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      data-testid="enrol-form"
    >
      <p className="muted">{t('sync.enroll.intro')}</p>
      {field('serverUrl', t('sync.enroll.serverUrl'), { type: 'url', locked: !!policy.url })}
      {field('siteCode', t('sync.enroll.siteCode'), { locked: !!policy.siteCode })}
      {field('enrollmentKey', t('sync.enroll.enrollmentKey'), { type: 'password' })}
      {field('deviceName', t('sync.enroll.deviceName'))}
      <div className="sync-settings__actions">
        <button type="submit" disabled={working}>
          {working ? t('sync.enroll.working') : t('sync.enroll.submit')}
        </button>
        <HealthCheck serverUrl={values.serverUrl.trim()} />
      </div>
      {failure && (
        <p role="alert" className="error" data-testid="enrol-error">
          {t('sync.enroll.failed', { reason })}{' '}
          <span className="muted small">{t('sync.enroll.detail', { detail: failure.message })}</span>
        </p>
      )}
      {ipcError && <IpcErrorMessage error={ipcError} />}
    </form>
  );
}
