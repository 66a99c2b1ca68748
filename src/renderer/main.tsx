// First: waits for the boot program's frame (the sheet as last drawn, with the newest rows) before anything else is
// evaluated (boot/handoff.ts, boot/start.ts).
import { takeEarlyKeys } from './boot/handoff';
// Before any schema is built: zod's eval probe would break the CSP (zod-jitless.ts).
import './zod-jitless';
// Then: starts the database and main's socket while the modules below are still being evaluated.
import { api, firstPageReady, storeReady, readSeatNameFrom } from './app/startup';
import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { preloadPages } from './app/pages';
import { usePolicyStore } from './app/policy-store';
import { useStartupNotices } from './app/startup-notices';
import { keepShellSnapshot } from './app/shell-capture';
import { watchStorage } from './app/storage-watch';
import { releaseShell } from './boot/shell-snapshot';
import { LocalStoreContext } from './data/local-store';
import { startCallsIndex } from './features/calls/calls-index';
import { restoreFromJournal } from './features/calls/journal-restore';
import { startRetention } from './features/calls/retention-schedule';
import { useSeatStore } from './features/settings/seat-store';
import { initI18n } from './i18n';
import './styles.css';

// Start-up marks (read by `npm run bench`): where the time to the first rows goes. What the first frame needs is
// started at once and awaited together: the database and its newest rows do not wait for the translations or for
// main's answers, nor the other way round.
readSeatNameFrom(() => useSeatStore.getState().settings.seatName);
const i18nReady = initI18n().then(() => performance.mark('floorguard:i18n'));
const mainAnswered = Promise.all([
  // The seat's settings switch the language: asked for now, applied once the translations are in.
  useSeatStore.getState().load(i18nReady),
  usePolicyStore.getState().load(),
]).then(() => performance.mark('floorguard:main-answered'));
const [store] = await Promise.all([storeReady, firstPageReady, i18nReady, mainAnswered]);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
// React replaces the boot's inert copy of the sheet in the same frame it draws its own.
releaseShell(root);
// Rendered at once rather than in a scheduler task: the first frame is the one that shows the rows.
flushSync(() =>
  createRoot(root).render(
    <StrictMode>
      <LocalStoreContext.Provider value={store}>
        <App />
      </LocalStoreContext.Provider>
    </StrictMode>,
  ),
);

// Everything else starts once that frame is painted: the full index for search, the journal check (its restored
// records reach the list through the repository's change events), the journal retry, storage and sync.
requestAnimationFrame(() =>
  setTimeout(() => {
    startCallsIndex(store);
    void api.invoke('journal:unacknowledged', {}).then(async (journal) => {
      // The journal is the copy outside IndexedDB: anything it has that the database lost comes back.
      if (!journal.ok) return;
      const restored = await restoreFromJournal(store.db, store.calls, journal.value.entries);
      useStartupNotices.setState({ restored });
      const { restoreIncidentEvents } = await import('./features/incidents/journal-restore');
      await restoreIncidentEvents(store, journal.value.entries);
    });
    store.journal.start();
    watchStorage();
    startRetention({ calls: store.calls, policy: () => usePolicyStore.getState().state.policy });
    // The sync engine (and what it pulls in) is not needed for the first frame: its code loads after it.
    void import('./features/sync/start-sync').then(({ startSync }) => startSync(store, api));
    // What the next start shows before its code is ready.
    keepShellSnapshot(root);
    // The call form takes the keys typed during the start (boot/early-keys.ts) as soon as it is up; should it not
    // be, they stop being kept rather than reach it later.
    setTimeout(() => void takeEarlyKeys(), 10_000);
    // The other pages' code, while the agent reads the sheet, so the first switch to them does not wait for it.
    requestIdleCallback(() => void preloadPages(), { timeout: 2000 });
  }, 0),
);
