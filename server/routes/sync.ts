import { PullResponse, PushRequest, PushResponse, RejectedResponse } from '@shared/sync/protocol';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { bearerToken, deviceAuthenticator, requireDevice } from '../auth';
import type { ServerContext } from '../context';
import { PullQuery, RejectedQuery, clampLimit, errors } from '../schemas';
import { parseCursor, pullChanges } from '../sync/changes';

const PUSH_PATH = '/v1/sync/push';
const PULL_DEFAULT = 500;
const PULL_MAX = 1000;
const REJECTED_MAX = 500;

/** Seat endpoints. Every one is authenticated by the device token, and the site comes from that token alone. */
export const syncRoutes: FastifyPluginAsyncZod<ServerContext> = async (
  app,
  { db, pushes, rateLimit, knownDevices },
) => {
  // An instance hook runs before the route-level rate-limit hook, so the limit is keyed by the device. A push may
  // be authenticated from knownDevices: its transaction checks the device again under the row lock.
  const authenticate = deviceAuthenticator(db);
  const authenticatePush = deviceAuthenticator(db, knownDevices);
  app.addHook('onRequest', async (request) => {
    const byRoute = request.routeOptions.url === PUSH_PATH ? authenticatePush : authenticate;
    request.device = await byRoute(bearerToken(request));
  });
  const config = { rateLimit };
  const security = [{ device: [] }];

  app.post(
    PUSH_PATH,
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
