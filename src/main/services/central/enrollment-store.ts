import { z } from 'zod';
import { jsonObjectFile } from './secret-store';

/** What this seat remembers about its enrolment (`central.json` in the user-data folder). Never the token. */
export const EnrollmentRecord = z.object({
  serverUrl: z.string().min(1),
  siteCode: z.string().min(1),
  deviceId: z.string().min(1),
  deviceName: z.string(),
  enrolledAt: z.iso.datetime(),
  /** Set when the server answered 401 to the token (revoked, server reset); cleared by a successful call. */
  tokenRejectedAt: z.iso.datetime().nullable().default(null),
});
export type EnrollmentRecord = z.infer<typeof EnrollmentRecord>;

export interface EnrollmentBackend {
  read(): EnrollmentRecord | null;
  write(record: EnrollmentRecord | null): void;
}

/** A JSON file written atomically; a file that no longer parses counts as "not enrolled" (enrol again). */
export function jsonFileEnrollmentBackend(path: string): EnrollmentBackend {
  const file = jsonObjectFile(path);
  return {
    read() {
      const parsed = EnrollmentRecord.safeParse(file.read());
      return parsed.success ? parsed.data : null;
    },
    write(record) {
      file.write(record ? { ...record } : {});
    },
  };
}

export function memoryEnrollmentBackend(initial: EnrollmentRecord | null = null): EnrollmentBackend {
  let stored = initial;
  return {
    read: () => stored,
    write(record) {
      stored = record ? structuredClone(record) : null;
    },
  };
}
