import type { Database } from './database';

export interface Migration {
  version: number;
  name: string;
  /** One statement per entry: PGlite's parameterised query runs a single statement. */
  statements: readonly string[];
}

/**
 * Numbered migrations, applied in order at start. Never edit a released one: add the next number.
 * `hlc` columns use the "C" collation because HLC strings are compared byte-wise; a linguistic collation
 * (en_US…) would ignore the dashes and could order two timestamps differently from the seats.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'sites, devices, sync log, quarantine, site config',
    statements: [
      `CREATE TABLE sites (
        id text PRIMARY KEY,
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        enrollment_key_hash text NOT NULL,
        -- Per-site commit counter: the pull cursor. Bumped at the end of each push transaction (see sync/apply.ts).
        last_commit_seq bigint NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE TABLE devices (
        id text PRIMARY KEY,
        site_id text NOT NULL REFERENCES sites (id),
        name text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`,
      `CREATE INDEX devices_site ON devices (site_id)`,
      `CREATE TABLE device_epochs (
        device_id text NOT NULL REFERENCES devices (id),
        epoch text NOT NULL,
        acked_seq bigint NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (device_id, epoch)
      )`,
      `CREATE TABLE records (
        site_id text NOT NULL REFERENCES sites (id),
        entity text NOT NULL,
        entity_id text NOT NULL,
        data jsonb,
        deleted boolean NOT NULL DEFAULT false,
        hlc text COLLATE "C" NOT NULL,
        device_id text NOT NULL,
        mutation_id text NOT NULL,
        PRIMARY KEY (site_id, entity, entity_id)
      )`,
      `CREATE TABLE events (
        site_id text NOT NULL REFERENCES sites (id),
        mutation_id text NOT NULL,
        entity text NOT NULL,
        entity_id text NOT NULL,
        data jsonb NOT NULL,
        hlc text COLLATE "C" NOT NULL,
        device_id text NOT NULL,
        PRIMARY KEY (site_id, mutation_id)
      )`,
      `CREATE TABLE changes (
        site_id text NOT NULL REFERENCES sites (id),
        commit_seq bigint NOT NULL,
        entity text NOT NULL,
        entity_id text NOT NULL,
        op text NOT NULL,
        data jsonb,
        hlc text COLLATE "C" NOT NULL,
        device_id text NOT NULL,
        PRIMARY KEY (site_id, commit_seq)
      )`,
      `CREATE TABLE quarantine (
        id bigserial PRIMARY KEY,
        site_id text NOT NULL REFERENCES sites (id),
        device_id text NOT NULL REFERENCES devices (id),
        epoch text NOT NULL,
        seq bigint NOT NULL,
        mutation_id text NOT NULL,
        entity text NOT NULL,
        entity_id text NOT NULL,
        op text NOT NULL,
        hlc text NOT NULL,
        -- JSON text, not jsonb: what failed validation may not even be storable as jsonb (NUL, lone surrogates).
        data_json text NOT NULL,
        error text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (device_id, epoch, seq)
      )`,
      `CREATE INDEX quarantine_site ON quarantine (site_id, id)`,
      `CREATE TABLE site_config (
        site_id text NOT NULL REFERENCES sites (id),
        kind text NOT NULL,
        data jsonb NOT NULL,
        hlc text COLLATE "C" NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (site_id, kind)
      )`,
    ],
  },
  {
    version: 2,
    name: 'pull log positioned by transaction id instead of a per-site counter',
    statements: [
      // Rows already in the log keep their order: xid 0 sorts before every real transaction, ord = old commit number,
      // so a cursor handed out before this migration (a bare number) still names the same place.
      `ALTER TABLE changes RENAME COLUMN commit_seq TO ord`,
      `ALTER TABLE changes ADD COLUMN xid xid8 NOT NULL DEFAULT '0'`,
      // Every later row records the transaction that wrote it (see sync/changes.ts for why that orders the log).
      `ALTER TABLE changes ALTER COLUMN xid SET DEFAULT pg_current_xact_id()`,
      `ALTER TABLE changes DROP CONSTRAINT changes_pkey`,
      `ALTER TABLE changes ADD PRIMARY KEY (site_id, xid, ord)`,
      // For compaction's retention window (sync/compact.ts); rows already there count from this migration.
      `ALTER TABLE changes ADD COLUMN created_at timestamptz NOT NULL DEFAULT now()`,
      `ALTER TABLE sites DROP COLUMN last_commit_seq`,
      // The site of every record, event and change is taken from the authenticated device row (itself checked
      // against sites) and sites are never deleted. These foreign keys therefore guarded nothing, yet checked each
      // inserted row with a share lock on the one site row — a per-row query, and the hottest row of the site.
      `ALTER TABLE records DROP CONSTRAINT records_site_id_fkey`,
      `ALTER TABLE events DROP CONSTRAINT events_site_id_fkey`,
      `ALTER TABLE changes DROP CONSTRAINT changes_site_id_fkey`,
    ],
  },
  {
    version: 3,
    name: 'rate limit counters shared by API nodes',
    statements: [
      // One fixed window per key (route + device or address), see server/rate-limit-store.ts. UNLOGGED: counters are
      // worth no WAL; a crash or failover empties the table, which only restarts everyone's windows.
      `CREATE UNLOGGED TABLE rate_limits (
        key text PRIMARY KEY,
        hits integer NOT NULL,
        window_ends timestamptz NOT NULL
      )`,
      `CREATE INDEX rate_limits_window_ends ON rate_limits (window_ends)`,
    ],
  },
];

/** Any constant: several API nodes starting together take turns, so each migration runs exactly once. */
const MIGRATION_LOCK = 0x466c6f6f;

export async function runMigrations(
  db: Database,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const done = new Set(
      (await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map(
        (row) => row.version,
      ),
    );
    const applied: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(migration.version)) continue;
      for (const statement of migration.statements) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    return applied;
  });
}
