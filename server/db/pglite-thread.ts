import { mkdirSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Database, Queryable } from './database';
import type { ProcedureHooks, ProcedureName } from './procedures';
import { asText } from './text-pieces';

/** An error as it crosses between the threads: its message and SQLSTATE (or '' when it has none). */
export interface ErrorMessage {
  message: string;
  code: string;
}

export type WorkerRequest =
  | { op: 'query'; id: number; sql: string; params: unknown[]; tx?: number }
  | { op: 'begin'; id: number }
  | { op: 'end'; tx: number; commit: boolean }
  | { op: 'run'; id: number; name: ProcedureName; args: unknown; beforeCommit: boolean }
  | { op: 'resume'; id: number; error?: ErrorMessage }
  | { op: 'close'; id: number };

/**
 * `done` marks the second answer to a `begin`: the transaction has committed (or rolled back, or failed to).
 * `beforeCommit` asks, for a `run` whose hooks have one, to run it and answer with `resume`.
 */
export interface WorkerReply {
  id: number;
  rows?: object[];
  result?: unknown;
  error?: ErrorMessage;
  done?: boolean;
  beforeCommit?: boolean;
}

interface Pending {
  resolve(result: unknown): void;
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

  const hooksOf = new Map<number, ProcedureHooks>();
  const beforeCommit = (id: number) => {
    const hook = hooksOf.get(id)?.beforeCommit;
    const resume = (error?: ErrorMessage) =>
      worker.postMessage({ op: 'resume', id, ...(error ? { error } : {}) } satisfies WorkerRequest);
    Promise.resolve(hook?.()).then(
      () => resume(),
      (error: unknown) =>
        resume({ message: error instanceof Error ? error.message : String(error), code: '' }),
    );
  };

  const ready = new Promise<unknown>((resolve, reject) => pending.set(0, { resolve, reject }));
  worker.on('message', (message: WorkerReply) => {
    if (message.beforeCommit) return beforeCommit(message.id);
    const waiters = message.done ? ending : pending;
    const waiter = waiters.get(message.id);
    if (!waiter) return;
    waiters.delete(message.id);
    if (message.error) waiter.reject(new WorkerDatabaseError(message.error.message, message.error.code));
    else waiter.resolve('result' in message ? message.result : (message.rows ?? []));
  });

  const send = (request: WorkerRequest, id: number, waiters = pending) =>
    new Promise<unknown>((resolve, reject) => {
      if (failure) return reject(failure);
      waiters.set(id, { resolve, reject });
      worker.postMessage(request);
    });

  const queryIn = (tx: number | undefined): Queryable => ({
    async query<R extends object>(sql: string, params: readonly unknown[] = []) {
      const id = nextId++;
      const request = { op: 'query', id, sql, params: params.map(asText), ...(tx ? { tx } : {}) } as const;
      return (await send(request, id)) as R[];
    },
  });

  await ready;
  return {
    kind: 'pglite',
    connections: 1,
    ...queryIn(undefined),
    async run(name, args, hooks = {}) {
      const id = nextId++;
      hooksOf.set(id, hooks);
      try {
        const request = {
          op: 'run',
          id,
          name,
          args,
          beforeCommit: hooks.beforeCommit !== undefined,
        } as const;
        // The answer is what the procedure returned there, as structured clone made it.
        return (await send(request satisfies WorkerRequest, id)) as Awaited<ReturnType<Database['run']>>;
      } finally {
        hooksOf.delete(id);
      }
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const tx = nextId++;
      await send({ op: 'begin', id: tx }, tx);
      const ended = new Promise<unknown>((resolve, reject) => ending.set(tx, { resolve, reject }));
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
