import { z } from 'zod';

/** Why a call across the process boundary failed. Every failure is one of these, never a thrown crash. */
export const IPC_ERROR_CODES = [
  'invalid_request',
  'invalid_response',
  'unknown_channel',
  'forbidden',
  'unavailable',
  'internal',
] as const;
export const IpcErrorCode = z.enum(IPC_ERROR_CODES);
export type IpcErrorCode = z.infer<typeof IpcErrorCode>;

export const IpcIssue = z.object({ path: z.string(), message: z.string() });
export type IpcIssue = z.infer<typeof IpcIssue>;

export const IpcError = z.object({
  code: IpcErrorCode,
  message: z.string(),
  issues: z.array(IpcIssue).optional(),
});
export type IpcError = z.infer<typeof IpcError>;

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export const IpcResultEnvelope = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: IpcError }),
]);

export function ok<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

export function fail(
  code: IpcErrorCode,
  message: string,
  issues?: IpcIssue[],
): { ok: false; error: IpcError } {
  return issues ? { ok: false, error: { code, message, issues } } : { ok: false, error: { code, message } };
}

/** Flattens zod issues into `path: message` pairs that survive structured cloning and JSON. */
export function toIssues(error: z.ZodError): IpcIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}
