import type { TFunction } from 'i18next';
import type { CentralStatus } from '@shared/ipc/channels/central';
import type { SyncStatus } from '../../sync/status';

export type SyncTone = 'ok' | 'muted' | 'busy' | 'warn' | 'bad';

/** A clock time in the user's language; with the date when it is not today. */
export function formatTime(iso: string, language: string, now = new Date()): string {
  const date = new Date(iso);
  const sameDay = date.toDateString() === now.toDateString();
  return new Intl.DateTimeFormat(language, {
    ...(sameDay ? {} : { month: 'numeric', day: 'numeric' }),
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** One line for the status bar, its tone, and the technical detail (for the tooltip and IT). */
export function describeSync(
  t: TFunction,
  language: string,
  status: SyncStatus,
  central: CentralStatus | null,
): { line: string; tone: SyncTone; detail: string } {
  const last = status.lastSuccessAt
    ? t('sync.status.lastSync', { time: formatTime(status.lastSuccessAt, language) })
    : t('sync.status.never');
  const detail = status.error
    ? `${status.error.status ? `HTTP ${status.error.status}: ` : ''}${status.error.detail}`
    : '';
  if (central?.state === 'token-rejected' || status.error?.code === 'unauthorized')
    return { line: t('sync.errors.unauthorized'), tone: 'bad', detail };
  if (status.phase === 'stopped' && status.error)
    return {
      line: `${t('sync.status.stopped')}: ${t(`sync.errors.${status.error.code}`)}`,
      tone: 'bad',
      detail,
    };
  if (central?.state === 'not-enrolled' || status.phase === 'not-enrolled')
    return { line: t('sync.status.notEnrolled'), tone: 'muted', detail };
  if (status.phase === 'offline')
    return { line: `${t('sync.status.offline')} · ${last}`, tone: 'warn', detail };
  if (status.progress?.stage === 'push' && status.progress.total)
    return {
      line: t('sync.status.pushing', { done: status.progress.done, total: status.progress.total }),
      tone: 'busy',
      detail,
    };
  if (status.progress?.stage === 'pull')
    return { line: t('sync.status.pulling', { done: status.progress.done }), tone: 'busy', detail };
  if (status.error) {
    const retry = status.nextAttemptAt
      ? t('sync.status.retrying', { time: formatTime(status.nextAttemptAt, language) })
      : t(`sync.errors.${status.error.code}`);
    return { line: `${t(`sync.errors.${status.error.code}`)} ${retry} · ${last}`, tone: 'warn', detail };
  }
  return { line: last, tone: status.lastSuccessAt ? 'ok' : 'muted', detail };
}
