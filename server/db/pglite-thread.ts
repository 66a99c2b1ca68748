import { mkdirSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Database, Queryable } from './database';

export type WorkerRequest =
  | { op: 'query'; id: number; sql: string; params: unknown[]; tx?: number }
  | { op: 'begin'; id: number }
  | { op: 'end'; tx: number; commit: boolean }
  | { op: 'close'; id: number };

/** `done` marks the second answer to a `begin`: the transaction has committed (or rolled back, or failed to). */
export interface WorkerReply {
  id: number;
  rows?: object[];
  error?: { message: string; code: string };
  done?: boolean;
}

interface Pending {
  resolve(rows: object[]): void;
  reject(error: Error): void;
}

/** An error from the worker, with the SQLSTATE in `code` as the drivers have it (see sqlState). */
class WorkerDatabaseError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/**
 * The worker is TypeScript under tsx (dev, tests, `npm run server`): it registers tsx before loading itself. Both
 * are resolved from this file, not from the working directory, so the server can start from anywhere.
 */
function startWorker(dataDir: string | undefined): Worker {
  const ext = extname(fileURLToPath(import.meta.url));
  const url = new URL(`./pglite-worker${ext}`, import.meta.url).href;
  const load = `import(${JSON.stringify(url)})`;
  // import.meta.resolve is missing under some test runners' module loaders; they run from the repository root.
  const tsx = () =>
    typeof import.meta.resolve === 'function' ? import.meta.resolve('tsx/esm/api') : 'tsx/esm/api';
  const boot =
    ext === '.ts'
      ? `import(${JSON.stringify(tsx())}).then((tsx) => { tsx.register(); return ${load}; })`
      : load;
  return new Worker(boot, { eval: true, workerData: { dataDir } });
}

/**
 * The embedded PostgreSQL (PGlite) running in a worker thread, behind the same Database interface. The main thread
 * keeps HTTP, JSON and validation; the worker runs the SQL. Transactions stay one at a time (PGlite is one
 * connection), but the main thread prepares the next requests while the worker executes the current one.
 */
export async function openPgliteThread(dataDir: string | undefined): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const worker = startWorker(dataDir);
  const pending = new Map<number, Pending>();
  const ending = new Map<number, Pending>();
  let nextId = 1;
  let failure: Error | undefined;

  const settleAll = (error: Error) => {
    failure = error;
    for (const waiter of [...pending.values(), ...ending.values()]) waiter.reject(error);
    pending.clear();
    ending.clear();
  };
  worker.on('error', (error) => settleAll(error));
  worker.on('exit', (code) => settleAll(new Error(`database thread exited (${code})`)));

  const ready = new Promise<object[]>((resolve, reject) => pending.set(0, { resolve, reject }));
  worker.on('message', (message: WorkerReply) => {
    const waiters = message.done ? ending : pending;
    const waiter = waiters.get(message.id);
    if (!waiter) return;
    waiters.delete(message.id);
    if (message.error) waiter.reject(new WorkerDatabaseError(message.error.message, message.error.code));
    else waiter.resolve(message.rows ?? []);
  });

  const send = (request: WorkerRequest, id: number, waiters = pending) =>
    new Promise<object[]>((resolve, reject) => {
      if (failure) return reject(failure);
      waiters.set(id, { resolve, reject });
      worker.postMessage(request);
    });

  const queryIn = (tx: number | undefined): Queryable => ({
    async query<R extends object>(sql: string, params: readonly unknown[] = []) {
      const id = nextId++;
      return (await send({ op: 'query', id, sql, params: [...params], ...(tx ? { tx } : {}) }, id)) as R[];
    },
  });

  await ready;
  return {
    kind: 'pglite',
    connections: 1,
    ...queryIn(undefined),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const tx = nextId++;
      await send({ op: 'begin', id: tx }, tx);
      const ended = new Promise<object[]>((resolve, reject) => ending.set(tx, { resolve, reject }));
      let result: T;
      try {
        result = await fn(queryIn(tx));
      } catch (error) {
        worker.postMessage({ op: 'end', tx, commit: false } satisfies WorkerRequest);
        await ended.catch(() => undefined);
        throw error;
      }
      worker.postMessage({ op: 'end', tx, commit: true } satisfies WorkerRequest);
      await ended;
      return result;
    },
    async close() {
      const id = nextId++;
      await send({ op: 'close', id }, id).catch(() => undefined);
      await worker.terminate();
    },
  };
}
