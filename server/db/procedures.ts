import { applyPushesIn, type ApplyHooks, type PushOutcome } from '../sync/apply';
import type { PreparedPush } from '../sync/prepare';
import type { Queryable } from './database';

/** Every procedure's argument and result. */
interface Procedures {
  applyPushes: { args: readonly PreparedPush[]; result: PushOutcome[] };
}
export type ProcedureName = keyof Procedures;
export type ProcedureArgs<N extends ProcedureName> = Procedures[N]['args'];
export type ProcedureResult<N extends ProcedureName> = Procedures[N]['result'];
export type ProcedureHooks = ApplyHooks;
type Procedure<N extends ProcedureName> = (
  tx: Queryable,
  args: ProcedureArgs<N>,
  hooks: ProcedureHooks,
) => Promise<ProcedureResult<N>>;

/**
 * Transactions that run where the database is (Database.run). On PostgreSQL that is this process, as any
 * transaction. On PGlite it is the database's own thread: a transaction driven from the server's main thread waits,
 * between every two of its statements, for that thread to get round to sending the next one — and under load it is
 * busy parsing and validating the pushes that keep arriving. Run on the database's thread, one transaction's
 * statements follow each other at once.
 * A procedure takes and returns plain data (it crosses threads by structured clone) and imports nothing of the HTTP
 * side. Its hooks (tests) are called back on the main thread.
 */
const PROCEDURES: { [N in ProcedureName]: Procedure<N> } = {
  applyPushes: applyPushesIn,
};

/** Runs procedure `name` inside the transaction `tx` (which the caller commits or rolls back). */
export function runProcedure<N extends ProcedureName>(
  tx: Queryable,
  name: N,
  args: ProcedureArgs<N>,
  hooks: ProcedureHooks = {},
): Promise<ProcedureResult<N>> {
  const procedure: Procedure<N> = PROCEDURES[name];
  return procedure(tx, args, hooks);
}
