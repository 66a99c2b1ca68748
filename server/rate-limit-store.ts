import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Queryable } from './db/database';

/**
 * A rate-limit store for @fastify/rate-limit kept in PostgreSQL (table `rate_limits`, migration 3), so that every
 * API node behind a load balancer counts against the same limit: a device cannot get N times its allowance by
 * spreading requests over N nodes. The plugin's default store is in memory, per node.
 *
 * Fixed windows, as the in-memory store has them: a key's window opens with its first request and lasts
 * `timeWindow`; every request in it adds one; the first request after it opens a new one. Time is the database's
 * (`now()`), so nodes with drifting clocks still agree. Each increment is one atomic upsert
 * (`INSERT … ON CONFLICT … DO UPDATE … RETURNING`): two nodes counting the same key at once serialise on its row and
 * each gets its own count. A node runs one such statement at a time; the increments that arrive meanwhile (or in
 * the same event-loop turn) go together as the next one, so a busy floor pays a statement per batch rather than per
 * request; a key seen several times in a batch is added up once and each request gets its own place in the sum. Windows that ended are deleted by `sweep()`, which the server runs every
 * minute.
 */

interface Pending {
  key: string;
  timeWindow: number;
  done(error: Error | null, result?: { current: number; ttl: number }): void;
}

/** What the server needs besides the class it hands to the plugin. */
export interface SharedRateLimit {
  /** For `@fastify/rate-limit`'s `store` option. */
  store: FastifyRateLimitStoreCtor;
  /** Deletes the windows that have ended; returns how many. */
  sweep(): Promise<number>;
}

/** Windows that ended more than this long ago go; the margin keeps a window a request is still counting in. */
const SWEEP_GRACE_MS = 60_000;

/**
 * `METHOD url` of the route a child store is made for. The plugin passes its merged options with the route under
 * `routeInfo` (its type declarations say otherwise), so both places are read.
 */
function routeName(options: object): string {
  const route =
    'routeInfo' in options && typeof options.routeInfo === 'object' && options.routeInfo
      ? options.routeInfo
      : options;
  const method = 'method' in route ? String(route.method) : '';
  const url = 'url' in route ? String(route.url) : '';
  return `${method} ${url}`;
}

export function postgresRateLimit(db: Queryable): SharedRateLimit {
  let waiting: Pending[] = [];
  let busy = false;

  /** One statement at a time: what arrives while it runs goes together in the next (group commit, as for pushes). */
  const flush = async () => {
    if (busy || waiting.length === 0) return;
    busy = true;
    const batch = waiting;
    waiting = [];
    try {
      await count(batch);
    } finally {
      busy = false;
      void flush();
    }
  };

  const count = async (batch: Pending[]) => {
    // One row per key (ON CONFLICT may touch a row only once per statement); a route has one window length.
    const sums = new Map<string, { key: string; timeWindow: number; hits: number }>();
    for (const { key, timeWindow } of batch) {
      const sum = sums.get(key) ?? { key, timeWindow, hits: 0 };
      sum.hits++;
      sums.set(key, sum);
    }
    const rows = [...sums.values()];
    try {
      const counted = await db.query<{ key: string; hits: number; ttl_ms: number }>(
        `INSERT INTO rate_limits AS r (key, hits, window_ends)
         SELECT k, n, now() + w * interval '1 millisecond'
         FROM unnest($1::text[], $2::int[], $3::bigint[]) AS x(k, n, w)
         ORDER BY k
         ON CONFLICT (key) DO UPDATE SET
           hits = CASE WHEN r.window_ends <= now() THEN EXCLUDED.hits ELSE r.hits + EXCLUDED.hits END,
           window_ends = CASE WHEN r.window_ends <= now() THEN EXCLUDED.window_ends ELSE r.window_ends END
         RETURNING r.key, r.hits, greatest(0, ceil(extract(epoch FROM r.window_ends - now()) * 1000))::bigint AS ttl_ms`,
        [rows.map((r) => r.key), rows.map((r) => r.hits), rows.map((r) => r.timeWindow)],
      );
      const byKey = new Map(counted.map((row) => [row.key, row]));
      // Each request of a key takes the next count of its sum, in arrival order.
      const handedOut = new Map<string, number>();
      for (const { key, done } of batch) {
        const row = byKey.get(key);
        const sum = sums.get(key);
        if (!row || !sum) {
          done(new Error('rate limit counter missing'));
          continue;
        }
        const before = handedOut.get(key) ?? 0;
        handedOut.set(key, before + 1);
        done(null, { current: row.hits - sum.hits + before + 1, ttl: row.ttl_ms });
      }
    } catch (error) {
      for (const { done } of batch) done(error instanceof Error ? error : new Error(String(error)));
    }
  };

  const increment = (key: string, timeWindow: number, done: Pending['done']) => {
    if (waiting.length === 0 && !busy) setImmediate(() => void flush());
    waiting.push({ key, timeWindow, done });
  };

  /** One per route, as the plugin asks: keys are prefixed with the route, like its Redis store does. */
  class PostgresRateLimitStore implements FastifyRateLimitStore {
    constructor(private readonly prefix = '') {}

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
      _max: number,
    ): void {
      increment(this.prefix + key, timeWindow, callback);
    }

    child(routeOptions: object): FastifyRateLimitStore {
      return new PostgresRateLimitStore(`${this.prefix}${routeName(routeOptions)} `);
    }
  }

  return {
    // The plugin constructs the store with its options; the prefix starts empty.
    store: class extends PostgresRateLimitStore {
      constructor() {
        super('');
      }
    } as unknown as FastifyRateLimitStoreCtor,
    async sweep() {
      const rows = await db.query<{ n: number }>(
        `WITH gone AS (
           DELETE FROM rate_limits WHERE window_ends < now() - $1 * interval '1 millisecond' RETURNING 1
         ) SELECT count(*)::int AS n FROM gone`,
        [SWEEP_GRACE_MS],
      );
      return rows[0]?.n ?? 0;
    },
  };
}
