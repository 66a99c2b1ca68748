/**
 * The embedded database, on its own thread. PGlite is PostgreSQL compiled to WebAssembly: on the server's main
 * thread every statement would stop HTTP parsing and validation for its whole run, and a busy floor would see
 * pushes answered in bursts. Here it runs beside the main thread (see pglite-thread.ts, which talks to it).
 * PGlite is one connection, so its own mutex serialises everything: a statement outside a transaction waits for an
 * open transaction to finish, exactly as on the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { WorkerReply, WorkerRequest } from './pglite-thread';

const INT8_OID = 20;
const { dataDir } = workerData as { dataDir?: string };
const lite = await PGlite.create({
  ...(dataDir ? { dataDir } : {}),
  parsers: { [INT8_OID]: (value: string) => Number(value) },
});

interface OpenTransaction {
  tx: Transaction;
  finish(commit: boolean): void;
}
const open = new Map<number, OpenTransaction>();
const ROLLED_BACK = Symbol('rolled back');

const reply = (message: WorkerReply) => parentPort?.postMessage(message);
const describe = (error: unknown) => {
  const { message, code } = error as { message?: unknown; code?: unknown };
  return {
    message: typeof message === 'string' ? message : String(error),
    code: typeof code === 'string' ? code : '',
  };
};
const fail = (id: number, error: unknown) => reply({ id, error: describe(error) });

function begin(id: number): void {
  let started = false;
  lite
    .transaction(
      (tx) =>
        new Promise<void>((resolve, reject) => {
          started = true;
          open.set(id, { tx, finish: (commit) => (commit ? resolve() : reject(ROLLED_BACK)) });
          reply({ id, rows: [] });
        }),
    )
    .then(
      () => reply({ id, done: true, rows: [] }),
      (error: unknown) => {
        if (!started) fail(id, error);
        else if (error === ROLLED_BACK) reply({ id, done: true, rows: [] });
        else reply({ id, done: true, error: describe(error) });
      },
    )
    .finally(() => open.delete(id));
}

parentPort?.on('message', (request: WorkerRequest) => {
  switch (request.op) {
    case 'query': {
      const target = request.tx === undefined ? lite : open.get(request.tx)?.tx;
      if (!target) return fail(request.id, new Error('transaction is closed'));
      target.query(request.sql, request.params).then(
        (result) => reply({ id: request.id, rows: result.rows as object[] }),
        (error: unknown) => fail(request.id, error),
      );
      return;
    }
    case 'begin':
      return begin(request.id);
    case 'end':
      open.get(request.tx)?.finish(request.commit);
      return;
    case 'close':
      lite.close().then(
        () => reply({ id: request.id, rows: [] }),
        (error: unknown) => fail(request.id, error),
      );
  }
});
reply({ id: 0, rows: [] });
