import { create } from 'zustand';
import type { CentralStatus } from '@shared/ipc/channels/central';
import type { SyncEngine } from '../../sync/engine';
import { INITIAL_SYNC_STATUS, type SyncStatus } from '../../sync/status';

interface SyncState {
  /** The engine's status: pending count, last success, last error, progress, notices. */
  status: SyncStatus;
  /** Main's view of the enrolment (never the token). */
  central: CentralStatus | null;
  engine: SyncEngine | null;
  syncNow(): void;
}

/** The sync status for the UI; the engine itself lives in src/renderer/sync and knows nothing of React. */
export const useSyncStore = create<SyncState>((_set, get) => ({
  status: INITIAL_SYNC_STATUS,
  central: null,
  engine: null,
  syncNow() {
    void get().engine?.syncNow();
  },
}));
