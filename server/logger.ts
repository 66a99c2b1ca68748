import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * Structured logs without personal data. Request bodies are never logged; requests are logged as method + URL
 * (ids and site codes only — no caller numbers, names or summaries); secrets are redacted wherever they appear.
 */
export function createLogger(
  level: string = process.env.LOG_LEVEL ?? 'info',
  destination?: DestinationStream,
): Logger {
  const options = {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'headers.authorization',
        'authorization',
        '*.token',
        '*.enrollmentKey',
      ],
      censor: '[redacted]',
    },
    serializers: {
      // No remote address: an IP is personal data in most of the places this runs; the device id is logged instead.
      req: (req: { method?: string; url?: string; id?: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url,
      }),
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
