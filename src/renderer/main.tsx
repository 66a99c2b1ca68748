import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { usePolicyStore } from './app/policy-store';
import { useStartupNotices } from './app/startup-notices';
import { watchStorage } from './app/storage-watch';
import { floorguard } from './bridge/floorguard';
import { LocalStoreContext, openLocalStore } from './data/local-store';
import { startCallsIndex } from './features/calls/calls-index';
import { restoreFromJournal } from './features/calls/journal-restore';
import { restoreIncidentEvents } from './features/incidents/journal-restore';
import { useSeatStore } from './features/settings/seat-store';
import { startSync } from './features/sync/start-sync';
import { initI18n } from './i18n';
import './styles.css';

// Start-up marks (read by `npm run bench`): where the time to the first rows goes.
await initI18n();
performance.mark('floorguard:i18n');
const api = floorguard();
await Promise.all([useSeatStore.getState().load(), usePolicyStore.getState().load()]);
performance.mark('floorguard:main-answered');
const store = await openLocalStore(api, () => useSeatStore.getState().settings.seatName);
performance.mark('floorguard:db-open');

// The first rows go on screen before anything else; the journal check runs behind them (its restored records reach
// the list through the repository's change events).
startCallsIndex(store);
void api.invoke('journal:unacknowledged', {}).then(async (journal) => {
  // The journal is the copy outside IndexedDB: anything it has that the database lost comes back.
  if (!journal.ok) return;
  const restored = await restoreFromJournal(store.db, store.calls, journal.value.entries);
  useStartupNotices.setState({ restored });
  await restoreIncidentEvents(store, journal.value.entries);
});
store.journal.start();
watchStorage();
startSync(store, api);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <LocalStoreContext.Provider value={store}>
      <App />
    </LocalStoreContext.Provider>
  </StrictMode>,
);
