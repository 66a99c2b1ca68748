import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { QueuedTrayAction, type RendererTrayAction } from '@shared/incidents/tray';

/**
 * Tray clicks the renderer must carry out (declare, raise, mark notified, new call). Each is written to a JSON file
 * before anyone is told about it, and removed only when the renderer confirms it acted (`tray:ack`): a click made
 * while the window is still loading, or just before a crash, is delivered on the next `tray:pending` — never lost.
 */
export interface TrayActionQueue {
  /** Persists the action, then announces it to listeners (the renderer, through `tray:action`). */
  enqueue(action: RendererTrayAction, at?: Date): Promise<QueuedTrayAction>;
  pending(): Promise<QueuedTrayAction[]>;
  ack(ids: readonly string[]): Promise<number>;
  onAction(listener: (queued: QueuedTrayAction) => void): () => void;
}

const QueueFile = z.object({ actions: z.array(z.unknown()) });

export function createTrayActionQueue(options: { file: string; now?: () => Date }): TrayActionQueue {
  const now = options.now ?? (() => new Date());
  const listeners = new Set<(queued: QueuedTrayAction) => void>();
  let tail: Promise<unknown> = Promise.resolve();
  // One writer at a time: a click and an ack racing must not overwrite each other's file.
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };

  async function read(): Promise<QueuedTrayAction[]> {
    let text: string;
    try {
      text = await readFile(options.file, 'utf8');
    } catch {
      return [];
    }
    const file = QueueFile.safeParse(safeJson(text));
    if (!file.success) return [];
    // Entries stand alone: one damaged entry must not take the others with it.
    return file.data.actions.flatMap((entry) => {
      const parsed = QueuedTrayAction.safeParse(entry);
      return parsed.success ? [parsed.data] : [];
    });
  }

  async function write(actions: QueuedTrayAction[]): Promise<void> {
    await mkdir(dirname(options.file), { recursive: true });
    const temp = `${options.file}.${process.pid}.tmp`;
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(JSON.stringify({ actions }, null, 2));
      // The click must survive a power cut between "clicked" and "acted on".
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, options.file);
  }

  return {
    async enqueue(action, at = now()) {
      const queued = QueuedTrayAction.parse({
        id: uuidv7({ msecs: at.getTime() }),
        at: at.toISOString(),
        action,
      });
      await serial(async () => write([...(await read()), queued]));
      for (const listener of listeners) listener(queued);
      return queued;
    },
    pending: () => serial(read),
    ack(ids) {
      return serial(async () => {
        const wanted = new Set(ids);
        const actions = await read();
        const kept = actions.filter((a) => !wanted.has(a.id));
        if (kept.length !== actions.length) await write(kept);
        return actions.length - kept.length;
      });
    },
    onAction(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
