import type { FloorguardApi } from '@shared/ipc/client';
import type { LocalStore } from '../../data/local-store';
import { createSyncEngine, type SyncEngine, type WithLock } from '../../sync/engine';
import { useSyncStore } from './sync-store';

/** `navigator.locks` with ifAvailable: a window that finds another one syncing skips its round. */
const webLock: WithLock = async <T>(name: string, work: () => Promise<T>) => {
  let outcome: T | 'busy' = 'busy';
  await navigator.locks.request(name, { ifAvailable: true }, async (lock) => {
    if (lock) outcome = await work();
  });
  return outcome;
};

/**
 * Starts the seat's sync engine and wires it to the page: the browser's and main's network state, main's enrolment
 * events, and the status store the status bar and the settings page read.
 */
export function startSync(store: LocalStore, api: FloorguardApi): SyncEngine {
  let mainOnline = true;
  // The call sheet's own cross-window channel: its repository in every window (this one included, since a
  // channel object never hears itself) re-reads the rows, so pulled calls and their synced mark show at once.
  const callsChannel = new BroadcastChannel('floorguard:calls');
  const engine = createSyncEngine({
    db: store.db,
    clock: store.clock,
    api,
    withLock: webLock,
    isOnline: () => navigator.onLine && mainOnline,
    onCallsChanged: (ids) => callsChannel.postMessage(ids),
  });
  engine.subscribe((status) => useSyncStore.setState({ status }));
  useSyncStore.setState({ engine, status: engine.status() });

  let deviceId: string | null = null;
  void api.invoke('central:status', {}).then((r) => {
    if (!r.ok) return;
    deviceId = r.value.deviceId;
    useSyncStore.setState({ central: r.value });
  });
  void api.invoke('network:status', {}).then((r) => {
    if (r.ok) mainOnline = r.value.online;
  });

  // Back online: try at once rather than waiting out a backoff.
  window.addEventListener('online', () => engine.kick());
  api.on('network:changed', (status) => {
    const back = status.online && !mainOnline;
    mainOnline = status.online;
    if (back) engine.kick();
  });
  api.on('central:changed', (central) => {
    useSyncStore.setState({ central });
    // A new enrolment (a new device) makes an earlier stop moot: sync at once. Leaving needs no round.
    const newDevice = central.state === 'enrolled' && central.deviceId !== deviceId;
    deviceId = central.deviceId;
    if (newDevice) engine.kick({ clearStop: true });
  });
  engine.start();
  return engine;
}
