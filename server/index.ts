/** The central API as a library: tests and benchmarks run it in-process; cli.ts runs it as a service. */
export { buildServer, BODY_LIMIT, DEFAULT_RATE_LIMIT, type BuildServerOptions } from './app';
export { openDatabase, type Database, type OpenDatabaseOptions, type Queryable } from './db/database';
export { MIGRATIONS, runMigrations } from './db/migrations';
export { createLogger } from './logger';
