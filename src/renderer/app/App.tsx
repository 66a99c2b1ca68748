import { useEffect, useState } from 'react';
import { floorguard } from '../bridge/floorguard';
import { WriteErrorDialog } from '../features/calls/WriteErrorDialog';
import { ChecklistRuntime } from '../features/checklist/use-checklist-notifications';
import { IncidentsRuntime } from '../features/incidents/IncidentsRuntime';
import { TrayPanel } from '../features/incidents/TrayPanel';
import { followSettingsChanges, useSeatStore } from '../features/settings/seat-store';
import { useLocalStore } from '../data/local-store';
import { Banners } from './Banners';
import { watchEffectivePolicy } from './effective-policy';
import { NavBar } from './NavBar';
import { PAGES } from './pages';
import { useNavStore } from './nav-store';
import { StatusBar } from './StatusBar';
import { usePlaceShortcuts } from './use-shortcuts';

export function App() {
  const place = useNavStore((s) => s.place);
  const Page = PAGES[place];
  const [host, setHost] = useState<'electron' | 'harness' | null>(null);
  usePlaceShortcuts();
  const { db } = useLocalStore();
  // The centre's policy and contact tree, and the leads' contact edits, over main's policy file.
  useEffect(() => watchEffectivePolicy(db), [db]);

  useEffect(() => {
    void useSeatStore.getState().load();
    void floorguard()
      .invoke('app:info', {})
      .then((r) => r.ok && setHost(r.value.host));
    return followSettingsChanges();
  }, []);

  return (
    <div className="shell">
      <NavBar />
      <main className="shell__main" data-place={place}>
        <Banners />
        <Page />
        <WriteErrorDialog />
        <IncidentsRuntime />
        <ChecklistRuntime />
        {host === 'harness' && <TrayPanel />}
      </main>
      <StatusBar host={host} />
    </div>
  );
}
