import i18next from 'i18next';
import { CALL_STATUSES } from '@shared/calls/schema';
import { FIRST_ROWS } from '../boot/first-rows';
import { captureShell, pageBuild, saveSnapshot } from '../boot/shell-snapshot';
import { FIRST_PAGE, useCallsIndex } from '../features/calls/calls-index';
import { displayPhone } from '../features/calls/display';
import { useNavStore } from './nav-store';
import { usePolicyStore } from './policy-store';

const EVERY_MS = 5 * 60_000;

/** Takes a snapshot of the call sheet for the next start's first frame (boot/first-rows.ts), now. */
export function saveShellSnapshot(root: HTMLElement): void {
  if (useNavStore.getState().place !== 'calls') return;
  const lang = i18next.language === 'en' ? 'en' : 'zh';
  const { policy } = usePolicyStore.getState().state;
  const labels = {
    types: Object.fromEntries(policy.problemTypes.map((p) => [p.id, p.label[lang]])),
    statuses: Object.fromEntries(CALL_STATUSES.map((s) => [s, i18next.t(`calls.status.${s}`)])),
    selectRow: i18next.t('calls.list.selectRow'),
  };
  const { all } = useCallsIndex.getState();
  const newest = all.slice(0, FIRST_ROWS);
  const phones = Object.fromEntries(newest.map((c) => [c.callerPhone, displayPhone(c.callerPhone)]));
  const bounds = {
    newestSince: all[FIRST_ROWS - 1]?.createdAt ?? null,
    pageSince: all[FIRST_PAGE - 1]?.createdAt ?? null,
  };
  const snapshot = captureShell(root, pageBuild(), labels, phones, bounds);
  if (snapshot) saveSnapshot(localStorage, snapshot);
}

/**
 * Keeps the snapshot current: once the app is idle after its first frame, after a change of language, when the
 * window is hidden (to the tray) or closed, and every few minutes. Each is a clone of the page's DOM, a few ms, in
 * idle time.
 */
export function keepShellSnapshot(root: HTMLElement): () => void {
  let pending: number | null = null;
  const soon = () => {
    if (pending !== null) return;
    pending = requestIdleCallback(
      () => {
        pending = null;
        saveShellSnapshot(root);
      },
      { timeout: 2_000 },
    );
  };
  const now = () => {
    if (document.visibilityState === 'hidden') saveShellSnapshot(root);
  };
  soon();
  const timer = setInterval(soon, EVERY_MS);
  const onLanguage = () => setTimeout(soon, 0);
  i18next.on('languageChanged', onLanguage);
  const leaving = () => saveShellSnapshot(root);
  document.addEventListener('visibilitychange', now);
  addEventListener('pagehide', leaving);
  return () => {
    removeEventListener('pagehide', leaving);
    clearInterval(timer);
    i18next.off('languageChanged', onLanguage);
    document.removeEventListener('visibilitychange', now);
    if (pending !== null) cancelIdleCallback(pending);
  };
}
