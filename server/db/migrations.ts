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
  {
    version: 4,
    name: 'record and event data written once, in the pull log',
    statements: [
      // A record or event now points at its pull log row, which holds its data (changes' primary key is
      // (site_id, xid, ord)): a push writes each mutation's data once instead of twice. See ADR 0003, "data written
      // once". Compaction never deletes a change a record points at (sync/compact.ts); events are never compacted.
      `ALTER TABLE records ADD COLUMN xid xid8, ADD COLUMN ord bigint`,
      `ALTER TABLE events ADD COLUMN xid xid8, ADD COLUMN ord bigint, ALTER COLUMN data DROP NOT NULL`,
      // Existing records: the change with the same key, HLC, device, op and data — the one that wrote the current
      // version (only a write with a greater HLC replaces a record, so there is one; the newest if ever several).
      // Its data moves out of the record only when the match is exact, data included.
      `UPDATE records r SET xid = m.xid, ord = m.ord, data = NULL
       FROM (
         SELECT DISTINCT ON (r.site_id, r.entity, r.entity_id) r.site_id, r.entity, r.entity_id, c.xid, c.ord
         FROM records r
         JOIN changes c ON c.site_id = r.site_id AND c.entity = r.entity AND c.entity_id = r.entity_id
           AND c.hlc = r.hlc AND c.device_id = r.device_id
           AND c.op = CASE WHEN r.deleted THEN 'delete' ELSE 'upsert' END
           AND c.data IS NOT DISTINCT FROM r.data
         ORDER BY r.site_id, r.entity, r.entity_id, c.xid DESC, c.ord DESC
       ) m
       WHERE r.site_id = m.site_id AND r.entity = m.entity AND r.entity_id = m.entity_id`,
      // Existing events: the log has no mutation id, so events and 'append' changes identical in site, incident,
      // HLC, device and data are paired one to one (nth event by mutation id with nth change by log position).
      // Identical rows are interchangeable, so any pairing is exact; an event left without a partner keeps its data.
      `UPDATE events e SET xid = m.xid, ord = m.ord, data = NULL
       FROM (
         SELECT e.site_id, e.mutation_id, c.xid, c.ord
         FROM (SELECT site_id, mutation_id, entity, entity_id, hlc, device_id, data,
                      row_number() OVER (PARTITION BY site_id, entity, entity_id, hlc, device_id, data
                                         ORDER BY mutation_id) AS n
               FROM events) e
         JOIN (SELECT site_id, xid, ord, entity, entity_id, hlc, device_id, data,
                      row_number() OVER (PARTITION BY site_id, entity, entity_id, hlc, device_id, data
                                         ORDER BY xid, ord) AS n
               FROM changes WHERE op = 'append') c
           ON c.site_id = e.site_id AND c.entity = e.entity AND c.entity_id = e.entity_id AND c.hlc = e.hlc
          AND c.device_id = e.device_id AND c.data = e.data AND c.n = e.n
       ) m
       WHERE e.site_id = m.site_id AND e.mutation_id = m.mutation_id`,
      // What is left in the old columns is data no log row matched (none on a database this server wrote): kept,
      // under a name that says it is not where current data lives, so a query still reading `data` fails loudly
      // instead of reading NULLs. Read current data through the views below.
      `ALTER TABLE records RENAME COLUMN data TO legacy_data`,
      `ALTER TABLE events RENAME COLUMN data TO legacy_data`,
      // Every row written from now on has its data reachable: through its pointer, or (legacy rows only) kept in
      // legacy_data; a tombstone has none. NOT VALID: rows already there are not re-checked, so an odd legacy row
      // can never stop the server from starting; every insert and update is.
      `ALTER TABLE records ADD CONSTRAINT records_data_reachable CHECK (
         CASE WHEN xid IS NULL THEN ord IS NULL AND (legacy_data IS NOT NULL OR deleted)
              ELSE ord IS NOT NULL AND legacy_data IS NULL END) NOT VALID`,
      `ALTER TABLE events ADD CONSTRAINT events_data_reachable CHECK (
         CASE WHEN xid IS NULL THEN ord IS NULL AND legacy_data IS NOT NULL
              ELSE ord IS NOT NULL AND legacy_data IS NULL END) NOT VALID`,
      // For admins and reporting: the current version of every record (tombstones included, data NULL) and every
      // event, with their data, each joined to its log row by primary key.
      `CREATE VIEW current_records AS
       SELECT r.site_id, r.entity, r.entity_id, r.deleted, COALESCE(c.data, r.legacy_data) AS data, r.hlc,
              r.device_id, r.mutation_id
       FROM records r
       LEFT JOIN changes c ON c.site_id = r.site_id AND c.xid = r.xid AND c.ord = r.ord`,
      `CREATE VIEW event_log AS
       SELECT e.site_id, e.mutation_id, e.entity, e.entity_id, COALESCE(c.data, e.legacy_data) AS data, e.hlc,
              e.device_id
       FROM events e
       LEFT JOIN changes c ON c.site_id = e.site_id AND c.xid = e.xid AND c.ord = e.ord`,
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
