import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServerContext } from '../context';
import { ApiHttpError } from '../errors';
import { HealthResponse, errors } from '../schemas';

const PROBE_TIMEOUT_MS = 2000;

export const healthRoutes: FastifyPluginAsyncZod<ServerContext> = async (app, { db }) => {
  app.get(
    '/v1/health',
    { schema: { tags: ['health'], response: { 200: HealthResponse, ...errors(503) } } },
    async () => {
      // A load balancer must hear "down" quickly, not hang with a database that stopped answering.
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('database probe timed out')), PROBE_TIMEOUT_MS);
      });
      try {
        await Promise.race([db.query('SELECT 1 AS ok'), timeout]);
      } catch {
        throw new ApiHttpError(503, 'unavailable', 'database not answering');
      } finally {
        clearTimeout(timer);
      }
      return { status: 'ok' as const };
    },
  );
};
