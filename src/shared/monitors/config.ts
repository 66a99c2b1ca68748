import { z } from 'zod';

/** A UPS reached over the Network UPS Tools protocol (site policy `ups` array). */
export const UpsConfig = z
  .object({
    name: z.string().min(1),
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535).default(3493),
    upsName: z.string().min(1),
    username: z.string().optional(),
    password: z.string().optional(),
  })
  .strict();
export type UpsConfig = z.infer<typeof UpsConfig>;

export const LINE_PROBES = ['tcp', 'http', 'sip-options', 'dns'] as const;
export const LINE_ROLES = ['primary', 'backup', 'crm', 'central'] as const;

/** A line or service whose reachability the floor watches (site policy `lines` array). */
export const LineConfig = z
  .object({
    name: z.string().min(1),
    probe: z.enum(LINE_PROBES),
    /** host:port for tcp and sip-options, a URL for http, a host name for dns. */
    target: z.string().min(1),
    intervalSeconds: z.number().positive().max(3600).optional(),
    timeoutMs: z.number().int().positive().max(60_000).optional(),
    role: z.enum(LINE_ROLES).optional(),
  })
  .strict();
export type LineConfig = z.infer<typeof LineConfig>;
