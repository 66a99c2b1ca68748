import type { Database } from './database';

export interface IdleCheckpointOptions {
  db: Database;
  /** True while no push is running or waiting: a checkpoint holds PGlite's one connection while it writes. */
  idle: () => boolean;
  /** How often, at most (default 5 minutes, PostgreSQL's own checkpoint_timeout). */
  everyMs?: number;
  /** How soon to look again when the server was busy at the time (default 10 s). */
  retryMs?: number;
  onCheckpoint?: (ms: number) => void;
  onError?: (error: unknown) => void;
}

export interface IdleCheckpoints {
  /** Checkpoints now if anything was written since the last one; true if it did. */
  checkpointNow(): Promise<boolean>;
  stop(): void;
}

/**
 * Checkpoints for the embedded database, at quiet moments. PGlite runs PostgreSQL as a single process: there is no
 * checkpointer to checkpoint on a timer, and PostgreSQL asks for a checkpoint on WAL volume (max_wal_size) only under
 * a postmaster (xlog.c, XLogWrite). Left alone, the WAL of a long-running server therefore grows without bound until
 * it stops cleanly, and a crash replays all of it at the next start. Here a checkpoint runs every few minutes when
 * the WAL has moved and no push is running or waiting: each writes only a few minutes' pages, between bursts, the
 * WAL before it can be recycled, and recovery after a crash starts from it.
 */
export function startIdleCheckpoints(options: IdleCheckpointOptions): IdleCheckpoints {
  const { db, idle, everyMs = 5 * 60_000, retryMs = 10_000 } = options;
  let checkpointedAt: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const walPosition = async () =>
    (await db.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn'))[0]?.lsn;

  async function checkpointNow(): Promise<boolean> {
    const before = await walPosition();
    if (before === checkpointedAt) return false;
    const started = Date.now();
    await db.query('CHECKPOINT');
    // After the checkpoint's own WAL record: only later writes make the next one due.
    checkpointedAt = await walPosition();
    options.onCheckpoint?.(Date.now() - started);
    return true;
  }

  function schedule(ms: number): void {
    if (stopped) return;
    timer = setTimeout(() => void tick(), ms);
    timer.unref?.();
  }

  async function tick(): Promise<void> {
    if (!idle()) return schedule(retryMs);
    try {
      await checkpointNow();
    } catch (error) {
      options.onError?.(error);
    }
    schedule(everyMs);
  }

  schedule(everyMs);
  return {
    checkpointNow,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
