import { lazy, Suspense, useEffect, useState } from 'react';
import { floorguard } from '../bridge/floorguard';
import { WriteErrorDialog } from '../features/calls/WriteErrorDialog';
import { followSettingsChanges, useSeatStore } from '../features/settings/seat-store';
import { useLocalStore } from '../data/local-store';
import { Banners } from './Banners';
import { watchEffectivePolicy } from './effective-policy';
import { NavBar } from './NavBar';
import { PAGES } from './pages';
import { useNavStore } from './nav-store';
import { StatusBar } from './StatusBar';
import { usePlaceShortcuts } from './use-shortcuts';

// Background duties of other features: their code loads after the call sheet's first frame (ADR 0009).
const ChecklistRuntime = lazy(() =>
  import('../features/checklist/use-checklist-notifications').then((m) => ({ default: m.ChecklistRuntime })),
);
const IncidentsRuntime = lazy(() =>
  import('../features/incidents/IncidentsRuntime').then((m) => ({ default: m.IncidentsRuntime })),
);
const TrayPanel = lazy(() =>
  import('../features/incidents/TrayPanel').then((m) => ({ default: m.TrayPanel })),
);

export function App() {
  const place = useNavStore((s) => s.place);
  const Page = PAGES[place];
  const [host, setHost] = useState<'electron' | 'harness' | null>(null);
  const painted = useFirstFramePainted();
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
        <Suspense fallback={null}>
          <Page />
        </Suspense>
        <WriteErrorDialog />
        {painted && (
          <Suspense fallback={null}>
            <IncidentsRuntime />
            <ChecklistRuntime />
            {host === 'harness' && <TrayPanel />}
          </Suspense>
        )}
      </main>
      <StatusBar host={host} />
    </div>
  );
}

/** False for the first frame, true once it is painted: what is not needed to show the rows waits for that. */
function useFirstFramePainted(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return painted;
}
