import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Queryable } from './db/database';
import { ApiHttpError, unauthorized } from './errors';

/** The caller of a seat endpoint. The site always comes from here, never from a request body. */
export interface DeviceIdentity {
  deviceId: string;
  siteId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    device: DeviceIdentity | null;
  }
}

/** Random secrets (device tokens, enrolment keys) have full entropy, so an unsalted sha256 is enough to store them. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Compares digests, so the time taken tells nothing about how much of the secret matched, nor its length. */
export function secretsEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export const newId = (): string => randomUUID();

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S{1,512})\s*$/i.exec(header);
  return match?.[1] ?? null;
}

/**
 * Devices recently authenticated by their token, for the push route only: a push checks again, under its row lock
 * and inside its transaction, that the device exists and is not revoked (sync/apply.ts, lockEpochs), so an entry
 * that went stale can never let a revoked device write — it only spares a busy floor one token lookup per push.
 * Entries expire after `ttlMs`; a revoke on this node forgets the device at once, one on another node is refused
 * by the transaction with the same 401. Only positive answers are kept: an unknown token is looked up every time.
 */
export class KnownDevices {
  private readonly entries = new Map<string, { device: DeviceIdentity; until: number }>();

  constructor(
    private readonly ttlMs = 60_000,
    private readonly maxEntries = 10_000,
  ) {}

  get(tokenHash: string, now = Date.now()): DeviceIdentity | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (entry.until > now) return entry.device;
    this.entries.delete(tokenHash);
    return undefined;
  }

  set(tokenHash: string, device: DeviceIdentity, now = Date.now()): void {
    // Map keeps insertion order: when full, the oldest entry goes.
    if (this.entries.size >= this.maxEntries && !this.entries.has(tokenHash)) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(tokenHash, { device, until: now + this.ttlMs });
  }

  forget(deviceId: string): void {
    for (const [hash, entry] of this.entries)
      if (entry.device.deviceId === deviceId) this.entries.delete(hash);
  }
}

/**
 * Device authentication for many requests at once: the token lookups that arrive within one turn of the event
 * loop go to the database as ONE query. Every request reads the devices table at its own time (a revoke is seen by
 * the next request on every node), except that with `known` a request may be answered from it (see KnownDevices:
 * only for the push route, whose transaction checks the device again). A busy floor pays one round trip per turn
 * instead of one per request.
 */
export function deviceAuthenticator(
  db: Queryable,
  known?: KnownDevices,
): (token: string | null) => Promise<DeviceIdentity> {
  let waiting = new Map<string, ((row: DeviceIdentity | null, error?: unknown) => void)[]>();
  const flush = async () => {
    const batch = waiting;
    waiting = new Map();
    try {
      const rows = await db.query<{ id: string; site_id: string; token_hash: string }>(
        'SELECT id, site_id, token_hash FROM devices WHERE token_hash = ANY($1::text[]) AND revoked_at IS NULL',
        [[...batch.keys()]],
      );
      const found = new Map(rows.map((row) => [row.token_hash, { deviceId: row.id, siteId: row.site_id }]));
      for (const [hash, callbacks] of batch) {
        const device = found.get(hash) ?? null;
        if (device) known?.set(hash, device);
        for (const done of callbacks) done(device);
      }
    } catch (error) {
      for (const callbacks of batch.values()) for (const done of callbacks) done(null, error);
    }
  };
  return (token) => {
    if (!token) return Promise.reject(unauthorized('missing bearer token'));
    const hash = hashSecret(token);
    const device = known?.get(hash);
    if (device) return Promise.resolve(device);
    return new Promise((resolve, reject) => {
      if (waiting.size === 0) setImmediate(() => void flush());
      const callbacks = waiting.get(hash) ?? [];
      callbacks.push((row, error) => (error ? reject(error) : row ? resolve(row) : reject(unauthorized())));
      waiting.set(hash, callbacks);
    });
  };
}

export function requireDevice(request: FastifyRequest): DeviceIdentity {
  if (!request.device) throw unauthorized();
  return request.device;
}

/** Admin endpoints exist only when the operator configured a token; otherwise they answer 403 and say why. */
export function checkAdmin(request: FastifyRequest, adminToken: string | undefined): void {
  if (!adminToken) {
    throw new ApiHttpError(
      403,
      'forbidden',
      'admin API disabled: set FLOORGUARD_ADMIN_TOKEN on the server to enable it',
    );
  }
  const token = bearerToken(request);
  if (!token || !secretsEqual(token, adminToken)) throw unauthorized('missing or wrong admin token');
}
