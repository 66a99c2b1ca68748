import type { FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ApiError, ApiErrorCode } from '@shared/sync/protocol';
import type { App } from './context';

/** An error that becomes `{"error": code, "message": text}` with the given HTTP status. */
export class ApiHttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly ackedSeq?: number,
  ) {
    super(message);
  }
}

export const unauthorized = (message = 'missing, unknown or revoked token') =>
  new ApiHttpError(401, 'unauthorized', message);
export const notFound = (message: string) => new ApiHttpError(404, 'not_found', message);
export const invalidRequest = (message: string) => new ApiHttpError(400, 'invalid_request', message);

/** Status → code for errors raised by Fastify itself and its plugins (body limit, JSON parse, rate limit…). */
function codeForStatus(status: number): ApiErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 413) return 'payload_too_large';
  if (status === 429) return 'rate_limited';
  if (status === 503) return 'unavailable';
  if (status >= 400 && status < 500) return 'invalid_request';
  return 'internal';
}

/** Validation messages name the field and the rule, never the value, so they are safe to log and return. */
function describeIssues(error: FastifyError): string {
  if (!hasZodFastifySchemaValidationErrors(error)) return error.message;
  return error.validation
    .slice(0, 5)
    .map((issue) => `${issue.instancePath || '/'} ${issue.message}`)
    .join('; ');
}

export function installErrorHandlers(app: App): void {
  app.setNotFoundHandler((request, reply) => {
    const body: ApiError = {
      error: 'not_found',
      message: `no route ${request.method} ${request.url.split('?')[0]}`,
    };
    void reply.code(404).send(body);
  });

  app.setErrorHandler((error: FastifyError | ApiHttpError, request, reply) => {
    if (error instanceof ApiHttpError) {
      const body: ApiError = { error: error.code, message: error.message };
      if (error.ackedSeq !== undefined) body.ackedSeq = error.ackedSeq;
      return reply.code(error.statusCode).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const body: ApiError = { error: 'invalid_request', message: describeIssues(error) };
      return reply.code(400).send(body);
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: { message: 'response does not match its schema' } }, 'response serialization');
      return reply.code(500).send({ error: 'internal', message: 'internal error' } satisfies ApiError);
    }
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 500;
    // Only name, code and message: a driver's `detail` can quote the offending value, which may be personal data.
    if (status >= 500)
      request.log.error(
        { err: { name: error.name, code: error.code, message: error.message } },
        'request failed',
      );
    const message =
      status === 413 ? 'request body larger than 1 MiB' : status >= 500 ? 'internal error' : error.message;
    return reply.code(status).send({ error: codeForStatus(status), message } satisfies ApiError);
  });
}
