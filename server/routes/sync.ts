import { PullResponse, PushRequest, PushResponse, RejectedResponse } from '@shared/sync/protocol';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { bearerToken, deviceAuthenticator, requireDevice } from '../auth';
import type { ServerContext } from '../context';
import { PullQuery, RejectedQuery, clampLimit, errors } from '../schemas';
import { parseCursor, pullChanges } from '../sync/changes';

const PULL_DEFAULT = 500;
const PULL_MAX = 1000;
const REJECTED_MAX = 500;

/** Seat endpoints. Every one is authenticated by the device token, and the site comes from that token alone. */
export const syncRoutes: FastifyPluginAsyncZod<ServerContext> = async (app, { db, pushes, rateLimit }) => {
  // An instance hook runs before the route-level rate-limit hook, so the limit is keyed by the device.
  const authenticate = deviceAuthenticator(db);
  app.addHook('onRequest', async (request) => {
    request.device = await authenticate(bearerToken(request));
  });
  const config = { rateLimit };
  const security = [{ device: [] }];

  app.post(
    '/v1/sync/push',
    {
      config,
      schema: {
        tags: ['sync'],
        security,
        body: PushRequest,
        response: { 200: PushResponse, ...errors(400, 401, 409, 413, 429) },
      },
    },
    async (request) => {
      const device = requireDevice(request);
      const result = await pushes.push(device, request.body);
      request.log.info(
        {
          deviceId: device.deviceId,
          ackedSeq: result.ackedSeq,
          applied: result.applied,
          duplicates: result.duplicates,
          rejected: result.rejected.length,
        },
        'push',
      );
      return result;
    },
  );

  app.get(
    '/v1/sync/pull',
    {
      config,
      schema: {
        tags: ['sync'],
        security,
        querystring: PullQuery,
        response: { 200: PullResponse, ...errors(400, 401, 429) },
      },
    },
    async (request) => {
      const device = requireDevice(request);
      const from = parseCursor(request.query.cursor);
      return pullChanges(db, device.siteId, from, clampLimit(request.query.limit, PULL_DEFAULT, PULL_MAX));
    },
  );

  app.get(
    '/v1/sync/rejected',
    {
      config,
      schema: {
        tags: ['sync'],
        security,
        querystring: RejectedQuery,
        response: { 200: RejectedResponse, ...errors(400, 401, 429) },
      },
    },
    async (request) => {
      const device = requireDevice(request);
      const rows = await db.query<{
        id: string;
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
        `SELECT mutation_id AS id, epoch, seq, entity, entity_id, op, hlc, error, received_at, data_json
         FROM quarantine WHERE device_id = $1 ORDER BY quarantine.id DESC LIMIT $2`,
        [device.deviceId, clampLimit(request.query.limit, REJECTED_MAX, REJECTED_MAX)],
      );
      return {
        rejected: rows.map((row) => ({
          id: row.id,
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
      };
    },
  );
};
