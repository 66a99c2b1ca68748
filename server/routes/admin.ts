import { SiteConfigKind } from '@shared/sync/protocol';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkAdmin, hashSecret, newId, newSecret } from '../auth';
import type { ServerContext } from '../context';
import { sqlState } from '../db/database';
import { ApiHttpError, invalidRequest, notFound } from '../errors';
import {
  CompactRequest,
  CompactResponse,
  CreateSiteRequest,
  CreateSiteResponse,
  PublishConfigResponse,
  QuarantineQuery,
  QuarantineResponse,
  RevokeResponse,
  SiteCode,
  clampLimit,
  errors,
} from '../schemas';
import { compactLog } from '../sync/compact';
import { publishSiteConfig } from '../sync/config';
import { unstorable } from '../sync/entities';

const UNIQUE_VIOLATION = '23505';
const QUARANTINE_MAX = 500;

/** Operator endpoints, behind FLOORGUARD_ADMIN_TOKEN (403 when the server has none configured). */
export const adminRoutes: FastifyPluginAsyncZod<ServerContext> = async (app, ctx) => {
  const { db, rateLimit } = ctx;
  app.addHook('onRequest', async (request) => checkAdmin(request, ctx.adminToken));
  const config = { rateLimit };
  const security = [{ admin: [] }];

  app.post(
    '/v1/admin/sites',
    {
      config,
      schema: {
        tags: ['admin'],
        security,
        body: CreateSiteRequest,
        response: { 201: CreateSiteResponse, ...errors(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const siteId = newId();
      const enrollmentKey = newSecret('fge');
      try {
        await db.query('INSERT INTO sites (id, code, name, enrollment_key_hash) VALUES ($1, $2, $3, $4)', [
          siteId,
          request.body.code,
          request.body.name,
          hashSecret(enrollmentKey),
        ]);
      } catch (error) {
        if (sqlState(error) === UNIQUE_VIOLATION)
          throw new ApiHttpError(409, 'conflict', 'site code already exists');
        throw error;
      }
      request.log.info({ siteId, code: request.body.code }, 'site created');
      return reply.code(201).send({ siteId, code: request.body.code, enrollmentKey });
    },
  );

  app.post(
    '/v1/admin/devices/:id/revoke',
    {
      config,
      schema: {
        tags: ['admin'],
        security,
        params: z.object({ id: z.string().min(1).max(64) }),
        response: { 200: RevokeResponse, ...errors(401, 403, 404) },
      },
    },
    async (request) => {
      // Waits for an in-flight push of this device (it holds the row lock), so no batch lands after the revoke.
      const rows = await db.query<{ revoked_at: Date }>(
        'UPDATE devices SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 RETURNING revoked_at',
        [request.params.id],
      );
      const row = rows[0];
      if (!row) throw notFound('no such device');
      ctx.knownDevices.forget(request.params.id);
      request.log.info({ deviceId: request.params.id }, 'device revoked');
      return { deviceId: request.params.id, revokedAt: row.revoked_at.toISOString() };
    },
  );

  app.put(
    '/v1/admin/sites/:code/config/:kind',
    {
      config,
      schema: {
        tags: ['admin'],
        security,
        params: z.object({ code: SiteCode, kind: SiteConfigKind }),
        body: z.record(z.string(), z.unknown()),
        response: { 200: PublishConfigResponse, ...errors(400, 401, 403, 404, 413) },
      },
    },
    async (request) => {
      const { code, kind } = request.params;
      const problem = unstorable(request.body);
      if (problem) throw invalidRequest(`document ${problem}`);
      const sites = await db.query<{ id: string }>('SELECT id FROM sites WHERE code = $1', [code]);
      const site = sites[0];
      if (!site) throw notFound('no such site');
      const hlc = ctx.clock.tick();
      await publishSiteConfig(db, site.id, kind, request.body, hlc);
      request.log.info({ siteId: site.id, kind }, 'site config published');
      return { site: code, kind, hlc };
    },
  );

  app.post(
    '/v1/admin/compact',
    {
      config,
      schema: {
        tags: ['admin'],
        security,
        body: CompactRequest,
        response: { 200: CompactResponse, ...errors(400, 401, 403) },
      },
    },
    async (request) => {
      const deleted = await compactLog(db, request.body.olderThanDays);
      request.log.info({ deleted, olderThanDays: request.body.olderThanDays }, 'pull log compacted');
      return { deleted };
    },
  );

  app.get(
    '/v1/admin/quarantine',
    {
      config,
      schema: {
        tags: ['admin'],
        security,
        querystring: QuarantineQuery,
        response: { 200: QuarantineResponse, ...errors(400, 401, 403) },
      },
    },
    async (request) => {
      const limit = clampLimit(request.query.limit, 100, QUARANTINE_MAX);
      const rows = await db.query<{
        qid: number;
        site_code: string;
        device_id: string;
        mutation_id: string;
        epoch: string;
        seq: number;
        entity: string;
        entity_id: string;
        op: string;
        hlc: string;
        error: string;
        received_at: Date;
        data_json: string;
      }>(
        `SELECT q.id AS qid, s.code AS site_code, q.device_id, q.mutation_id, q.epoch, q.seq, q.entity, q.entity_id,
                q.op, q.hlc, q.error, q.received_at, q.data_json
         FROM quarantine q JOIN sites s ON s.id = q.site_id
         WHERE ($1::text IS NULL OR s.code = $1) AND q.id > $2
         ORDER BY q.id LIMIT $3`,
        [request.query.site ?? null, Number(request.query.after ?? 0), limit + 1],
      );
      const page = rows.slice(0, limit);
      return {
        items: page.map((row) => ({
          quarantineId: String(row.qid),
          siteCode: row.site_code,
          deviceId: row.device_id,
          id: row.mutation_id,
          epoch: row.epoch,
          seq: row.seq,
          entity: row.entity,
          entityId: row.entity_id,
          op: row.op,
          hlc: row.hlc,
          error: row.error,
          receivedAt: row.received_at.toISOString(),
          data: row.data_json,
        })),
        next: rows.length > limit ? String(page.at(-1)?.qid) : null,
      };
    },
  );
};
