import pg from 'pg';
import { MIGRATIONS, runMigrations, type Migration } from './migrations';
import { openPgliteThread } from './pglite-thread';
import { asText } from './text-pieces';
import {
  runProcedure,
  type ProcedureArgs,
  type ProcedureHooks,
  type ProcedureName,
  type ProcedureResult,
} from './procedures';

/** Something that runs one SQL statement: the database itself or an open transaction. */
export interface Queryable {
  query<R extends object>(sql: string, params?: readonly unknown[]): Promise<R[]>;
}

/**
 * The one storage interface of the server. Both implementations speak the same PostgreSQL dialect, so every
 * statement in `server/` runs unchanged on a real PostgreSQL (through `pg`) and on the embedded PGlite.
 */
export interface Database extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /** How many transactions can usefully run at once: the pool size, or 1 for PGlite (one connection). */
  readonly connections: number;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Runs a procedure of procedures.ts in one transaction, committed when it resolves: on PGlite inside its thread
   * (see there why), on PostgreSQL as `transaction` would.
   */
  run<N extends ProcedureName>(
    name: N,
    args: ProcedureArgs<N>,
    hooks?: ProcedureHooks,
  ): Promise<ProcedureResult<N>>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** `postgres://…`: use that server. Takes precedence over `dataDir`. */
  databaseUrl?: string;
  /** Directory of the embedded database (PGlite, in a worker thread); omitted → in memory (tests). */
  dataDir?: string;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
  /** The migrations to bring it to; default all. Tests pass fewer to get a database as an older release left it. */
  migrations?: readonly Migration[];
}

const INT8_OID = 20;
/** Sequences stay far below 2^53; numbers keep the code free of bigint/string juggling on both drivers. */
const parseInt8 = (value: string): number => Number(value);

/** Opens the database and brings its schema up to date. PGlite's first open takes seconds: do it once at start. */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const db = options.databaseUrl
    ? openPostgres(options.databaseUrl, options.poolSize)
    : await openPgliteThread(options.dataDir);
  try {
    await runMigrations(db, options.migrations ?? MIGRATIONS);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

/** How a procedure that ends in a rollback leaves `transaction` (which rolls back what throws) with its result. */
class RolledBack extends Error {
  constructor(readonly result: unknown) {
    super('rolled back as the procedure asks');
  }
}

/** Deadlock and serialization failures are safe to retry: the transaction was rolled back as a whole. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 4;

function openPostgres(connectionString: string, poolSize = 10): Database {
  const pool = new pg.Pool({
    connectionString,
    max: poolSize,
    // Connections stay open when idle (pg closes them after 10 s by default): the floor's next burst — the first
    // sync after an outage, every seat at once — would otherwise open them all anew and prepare every statement
    // again in the middle of it. TCP keepalive keeps an idle one from being dropped silently by a firewall.
    idleTimeoutMillis: 0,
    keepAlive: true,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID
          ? parseInt8
          : pg.types.getTypeParser(oid, format ?? 'text')) as pg.CustomTypesConfig['getTypeParser'],
    },
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);

  // Every parameterised statement is a named prepared statement: each connection parses and plans it once, then
  // only binds and executes. The SQL texts are the constants of server/, so the names stay few.
  const names = new Map<string, string>();
  const statementName = (sql: string) => {
    let name = names.get(sql);
    if (!name) names.set(sql, (name = `fg${names.size + 1}`));
    return name;
  };
  const queryable = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query<R extends object>(sql: string, params: readonly unknown[] = []) {
      const result = await client.query<R & pg.QueryResultRow>(
        params.length > 0 ? { name: statementName(sql), text: sql, values: params.map(asText) } : sql,
      );
      return result.rows;
    },
  });

  const database: Database = {
    kind: 'postgres',
    connections: poolSize,
    ...queryable(pool),
    async run(name, args, hooks) {
      try {
        return await database.transaction(async (tx) => {
          const { result, commit } = await runProcedure(tx, name, args, hooks);
          if (!commit) throw new RolledBack(result);
          return result;
        });
      } catch (error) {
        if (error instanceof RolledBack) return error.result as Awaited<ReturnType<Database['run']>>;
        throw error;
      }
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      for (let attempt = 1; ; attempt++) {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const result = await fn(queryable(client));
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          if (attempt < MAX_ATTEMPTS && RETRYABLE.has(sqlState(error))) continue;
          throw error;
        } finally {
          client.release();
        }
      }
    },
    close: () => pool.end(),
  };
  return database;
}

export function sqlState(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string')
    return error.code;
  return '';
}
