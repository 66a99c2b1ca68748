import { applyPushesIn, type ApplyHooks, type PushOutcome } from '../sync/apply';
import type { PreparedPush } from '../sync/prepare';
import { warmUpGroupIn, type WarmUpGroup } from '../sync/warm-up-group';
import type { Queryable } from './database';

/** Every procedure's argument and result. */
interface Procedures {
  applyPushes: { args: readonly PreparedPush[]; result: PushOutcome[] };
  warmUpGroup: { args: WarmUpGroup; result: PushOutcome[] };
}
export type ProcedureName = keyof Procedures;
export type ProcedureArgs<N extends ProcedureName> = Procedures[N]['args'];
export type ProcedureResult<N extends ProcedureName> = Procedures[N]['result'];
export type ProcedureHooks = ApplyHooks;
interface Procedure<N extends ProcedureName> {
  body: (tx: Queryable, args: ProcedureArgs<N>, hooks: ProcedureHooks) => Promise<ProcedureResult<N>>;
  /** How its transaction ends once the body has returned. */
  end: 'commit' | 'rollback';
}

/**
 * Transactions that run where the database is (Database.run). On PostgreSQL that is this process, as for every other
 * transaction. On PGlite it is the database's own thread: a transaction driven from the server's main thread waits,
 * between every two of its statements, for that thread to get round to sending the next one — and under load it is
 * busy parsing and validating the pushes that keep arriving. Run on the database's thread, one transaction's
 * statements follow each other at once.
 * A procedure takes and returns plain data (it crosses threads by structured clone) and imports nothing of the HTTP
 * side. Its hooks (tests) are called back on the main thread.
 */
const PROCEDURES: { [N in ProcedureName]: Procedure<N> } = {
  applyPushes: { body: applyPushesIn, end: 'commit' },
  // The server's start: the push path run on made-up pushes, written for real and then rolled back (warm-up.ts).
  warmUpGroup: { body: (tx, group) => warmUpGroupIn(tx, group), end: 'rollback' },
};

/**
 * Runs procedure `name` inside the transaction `tx`. The caller ends the transaction: it commits when `commit` is
 * true, and rolls back otherwise (or when this throws).
 */
export async function runProcedure<N extends ProcedureName>(
  tx: Queryable,
  name: N,
  args: ProcedureArgs<N>,
  hooks: ProcedureHooks = {},
): Promise<{ result: ProcedureResult<N>; commit: boolean }> {
  const procedure: Procedure<N> = PROCEDURES[name];
  return { result: await procedure.body(tx, args, hooks), commit: procedure.end === 'commit' };
}
