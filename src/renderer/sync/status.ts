import type { CentralFailureCode } from '@shared/ipc/channels/central';

/** Why the last attempt failed. `detail` is the technical reason (shown small, for IT); the UI words the code. */
export type SyncErrorCode =
  | CentralFailureCode
  /** main did not answer (the harness socket is down, main is busy). */
  | 'ipc'
  /** IndexedDB refused a write (disk full, quota). */
  | 'local'
  /** One change is larger than the server accepts even alone. */
  | 'too_large';

export interface SyncError {
  code: SyncErrorCode;
  /** HTTP status when the server answered. */
  status?: number;
  detail: string;
  at: string;
  /** True when the loop stopped and waits for a person (re-enrol, fix the server URL…); false: it retries itself. */
  stopped: boolean;
}

export type SyncPhase =
  | 'idle'
  | 'pushing'
  | 'pulling'
  /** Waiting out a backoff delay after a failure. */
  | 'waiting'
  | 'offline'
  | 'not-enrolled'
  /** Stopped on an error that retrying cannot fix; pending records are kept. */
  | 'stopped';

export interface SyncProgress {
  stage: 'push' | 'pull';
  done: number;
  /** Known for push (the outbox), unknown for pull. */
  total: number | null;
}

/** Things worth telling that are not failures. */
export interface SyncNotice {
  kind: 'clock-ahead' | 'gap-recovered' | 'rejected' | 'journal-ack';
  at: string;
  count: number;
  detail: string;
}

export interface SyncStatus {
  phase: SyncPhase;
  /** Changes in the outbox, not yet acknowledged by the centre. */
  pending: number;
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  error: SyncError | null;
  progress: SyncProgress | null;
  /** The latest notices, newest first (at most 10). */
  notices: SyncNotice[];
}

export const INITIAL_SYNC_STATUS: SyncStatus = {
  phase: 'idle',
  pending: 0,
  lastSuccessAt: null,
  lastAttemptAt: null,
  nextAttemptAt: null,
  error: null,
  progress: null,
  notices: [],
};
