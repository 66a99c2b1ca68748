/**
 * The embedded database, on its own thread. PGlite is PostgreSQL compiled to WebAssembly: on the server's main
 * thread every statement would stop HTTP parsing and validation for its whole run, and a busy floor would see
 * pushes answered in bursts. Here it runs beside the main thread (see pglite-thread.ts, which talks to it).
 * PGlite is one connection, so its own mutex serialises everything: a statement outside a transaction waits for an
 * open transaction to finish, exactly as on the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, parse, protocol, type Transaction } from '@electric-sql/pglite';
import type { Queryable } from './database';
import type { ErrorMessage, WorkerReply, WorkerRequest } from './pglite-thread';
import { asText, TextPieces } from './text-pieces';
import { runProcedure, type ProcedureArgs, type ProcedureHooks, type ProcedureName } from './procedures';

const INT8_OID = 20;
const { dataDir } = workerData as { dataDir?: string };
/**
 * `wal_init_zero = off`: PostgreSQL fills each new 16 MB WAL segment with zeros so that the space is reserved. Here it
 * runs single-process, so that fill (16 MB of writes through Emscripten's file system) happened inside whichever
 * push's COMMIT crossed into a new segment — at saturation about once a second, stalling every push queued behind it.
 * Off, the segment is created by writing its last byte. Only the early warning of a full disk is lost: the space is
 * claimed by the WAL writes themselves instead of up front (ADR 0003, addendum of session 7).
 */
const START_PARAMS = [...PGlite.defaultStartParams, '-c', 'wal_init_zero=off'];
const lite = await PGlite.create({
  ...(dataDir ? { dataDir } : {}),
  startParams: START_PARAMS,
  parsers: { [INT8_OID]: (value: string) => Number(value) },
});

/**
 * Parameterised statements inside transactions (the push path) run as named prepared statements, as on PostgreSQL
 * (see database.ts): PGlite's own `query` parses, analyses and plans the statement text on every call — for the
 * push's write statement about 1.3 ms of WebAssembly, more than executing it for a 50-mutation push. Here each text
 * is parsed once; later calls send Bind, Describe, Execute and Sync in one buffer. The SQL texts are the constants
 * of server/, so the names stay few; past MAX_PREPARED, statements take PGlite's usual path.
 */
interface Prepared {
  name: string;
  paramTypes: number[];
}
const MAX_PREPARED = 200;
const prepared = new Map<string, Prepared>();
const concat = (...parts: Uint8Array[]) => Buffer.concat(parts);
const RUN_PORTAL = concat(
  protocol.serialize.describe({ type: 'P' }),
  protocol.serialize.execute({}),
  protocol.serialize.sync(),
);

/** Inside a transaction, PGlite holds no lock between statements: each call here takes its query lock. */
async function queryPrepared(tx: Transaction, sql: string, params: unknown[]): Promise<object[]> {
  if (params.length === 0 || (!prepared.has(sql) && prepared.size >= MAX_PREPARED)) {
    return (await tx.query(sql, params.map(asText))).rows as object[];
  }
  return lite.runExclusive(async () => {
    // As PGlite's tx.query: never run a statement after its transaction ended (it would run outside it).
    if (tx.closed) throw new Error('Transaction is closed');
    const statement = prepared.get(sql) ?? (await prepare(sql));
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      if (value instanceof TextPieces) return value;
      const serialize = lite.serializers[statement.paramTypes[i] ?? 0];
      return serialize ? serialize(value) : String(value);
    });
    // No syncToFs: within a transaction PGlite's own queries skip it too; COMMIT syncs.
    const { messages } = await lite.execProtocol(bindAndRun(statement.name, values), { syncToFs: false });
    return (parse.parseResults(messages, lite.parsers)[0]?.rows ?? []) as object[];
  });
}

/**
 * Bind (every parameter as text) followed by RUN_PORTAL, written straight into one buffer of the right size. PGlite's
 * own Bind writer grows a 256-byte buffer step by step, counts UTF-8 bytes in a JavaScript loop and copies every
 * parameter twice: for a push's rows (tens of kB of JSON) that was about a tenth of this thread's time. TextPieces
 * are copied in as the bytes they are.
 */
function bindAndRun(statement: string, values: readonly (string | TextPieces | null)[]): Buffer {
  const sizes = values.map((value) =>
    value === null ? 0 : value instanceof TextPieces ? value.byteLength : Buffer.byteLength(value),
  );
  // Length field, empty portal name + NUL, statement name + NUL, no parameter format codes (all text), parameter
  // count, each parameter's length (-1: NULL) and bytes, no result format codes (all text).
  const length =
    4 + 1 + Buffer.byteLength(statement) + 1 + 2 + 2 + sizes.reduce((sum, size) => sum + 4 + size, 0) + 2;
  const out = Buffer.allocUnsafe(1 + length + RUN_PORTAL.length);
  let at = out.writeUInt8(0x42, 0); // 'B'
  at = out.writeInt32BE(length, at);
  at = out.writeUInt8(0, at);
  at += out.write(statement, at);
  at = out.writeUInt8(0, at);
  at = out.writeInt16BE(0, at);
  at = out.writeInt16BE(values.length, at);
  values.forEach((value, i) => {
    if (value === null) {
      at = out.writeInt32BE(-1, at);
    } else {
      at = out.writeInt32BE(sizes[i] ?? 0, at);
      if (value instanceof TextPieces) {
        for (const piece of value.pieces) {
          out.set(piece, at);
          at += piece.byteLength;
        }
      } else {
        at += out.write(value, at);
      }
    }
  });
  at = out.writeInt16BE(0, at);
  out.set(RUN_PORTAL, at);
  return out;
}

async function prepare(sql: string): Promise<Prepared> {
  const name = `fg${prepared.size + 1}`;
  const { messages } = await lite.execProtocol(
    concat(
      protocol.serialize.parse({ name, text: sql }),
      protocol.serialize.describe({ type: 'S', name }),
      protocol.serialize.sync(),
    ),
    { syncToFs: false },
  );
  const statement = { name, paramTypes: parse.parseDescribeStatementResults(messages) };
  prepared.set(sql, statement);
  return statement;
}

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

/** The `run`s waiting for the main thread's beforeCommit hook: resumed (or failed) by its `resume`. */
const resuming = new Map<number, { resolve(): void; reject(error: Error): void }>();

/**
 * A procedure in one transaction, from BEGIN to COMMIT (or the ROLLBACK it asks for) on this thread (procedures.ts
 * says why). PGlite's `transaction` rolls back when the procedure throws, and commits unless rolled back.
 */
function run(
  id: number,
  name: ProcedureName,
  args: ProcedureArgs<ProcedureName>,
  beforeCommit: boolean,
): void {
  const hooks: ProcedureHooks = beforeCommit
    ? {
        beforeCommit: () =>
          new Promise<void>((resolve, reject) => {
            resuming.set(id, { resolve, reject });
            reply({ id, beforeCommit: true });
          }),
      }
    : {};
  lite
    .transaction(async (tx) => {
      const queryable: Queryable = {
        query: async <R extends object>(sql: string, params: readonly unknown[] = []) =>
          (await queryPrepared(tx, sql, [...params])) as R[],
      };
      const { result, commit } = await runProcedure(queryable, name, args, hooks);
      if (!commit) await tx.rollback();
      return result;
    })
    .then(
      (result) => reply({ id, result }),
      (error: unknown) => fail(id, error),
    );
}

function resume(id: number, error: ErrorMessage | undefined): void {
  const waiting = resuming.get(id);
  resuming.delete(id);
  if (!error) waiting?.resolve();
  else waiting?.reject(Object.assign(new Error(error.message), { code: error.code }));
}

parentPort?.on('message', (request: WorkerRequest) => {
  switch (request.op) {
    case 'query': {
      const tx = request.tx === undefined ? undefined : open.get(request.tx)?.tx;
      if (request.tx !== undefined && !tx) return fail(request.id, new Error('transaction is closed'));
      const rows = tx
        ? queryPrepared(tx, request.sql, request.params)
        : lite.query(request.sql, request.params).then((result) => result.rows as object[]);
      rows.then(
        (result) => reply({ id: request.id, rows: result }),
        (error: unknown) => fail(request.id, error),
      );
      return;
    }
    case 'begin':
      return begin(request.id);
    case 'end':
      open.get(request.tx)?.finish(request.commit);
      return;
    case 'run':
      // The main thread sent what procedure `name` takes (Database.run is typed so).
      return run(
        request.id,
        request.name,
        request.args as ProcedureArgs<ProcedureName>,
        request.beforeCommit,
      );
    case 'resume':
      return resume(request.id, request.error);
    case 'close':
      lite.close().then(
        () => reply({ id: request.id, rows: [] }),
        (error: unknown) => fail(request.id, error),
      );
  }
});
reply({ id: 0, rows: [] });
