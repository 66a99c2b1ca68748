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

export async function authenticateDevice(db: Queryable, token: string | null): Promise<DeviceIdentity> {
  if (!token) throw unauthorized('missing bearer token');
  const rows = await db.query<{ id: string; site_id: string; revoked: boolean }>(
    'SELECT id, site_id, revoked_at IS NOT NULL AS revoked FROM devices WHERE token_hash = $1',
    [hashSecret(token)],
  );
  const row = rows[0];
  if (!row || row.revoked) throw unauthorized();
  return { deviceId: row.id, siteId: row.site_id };
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
