import { EnrollRequest, EnrollResponse } from '@shared/sync/protocol';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { hashSecret, newId, newSecret, secretsEqual } from '../auth';
import type { ServerContext } from '../context';
import { unauthorized } from '../errors';
import { errors } from '../schemas';

/** A fixed digest to compare against when the site does not exist, so both failures take the same time. */
const NO_SITE_HASH = hashSecret('no such site');

export const deviceRoutes: FastifyPluginAsyncZod<ServerContext> = async (app, { db, rateLimit }) => {
  app.post(
    '/v1/devices/enroll',
    {
      config: { rateLimit },
      schema: {
        tags: ['devices'],
        body: EnrollRequest,
        response: { 201: EnrollResponse, ...errors(400, 401, 413, 429) },
      },
    },
    async (request, reply) => {
      const { siteCode, enrollmentKey, deviceName } = request.body;
      const sites = await db.query<{ id: string; enrollment_key_hash: string }>(
        'SELECT id, enrollment_key_hash FROM sites WHERE code = $1',
        [siteCode],
      );
      const site = sites[0];
      const keyMatches = secretsEqual(hashSecret(enrollmentKey), site?.enrollment_key_hash ?? NO_SITE_HASH);
      // Same answer for an unknown site and a wrong key: enrolment must not reveal which site codes exist.
      if (!site || !keyMatches) throw unauthorized('unknown site or wrong enrollment key');

      const deviceId = newId();
      const token = newSecret('fgd');
      await db.query('INSERT INTO devices (id, site_id, name, token_hash) VALUES ($1, $2, $3, $4)', [
        deviceId,
        site.id,
        deviceName,
        hashSecret(token),
      ]);
      request.log.info({ deviceId, siteId: site.id }, 'device enrolled');
      return reply.code(201).send({ deviceId, token });
    },
  );
};
