import { z } from 'zod';
import { CallLog } from '../calls/schema';
import { IncidentEvent } from '../incidents/events';

/**
 * The second copy of every saved record, kept by main as append-only NDJSON outside IndexedDB (which has lost data
 * in Electron apps after disk-full, crashes and updates). One entry per save; the newest hlc per record wins.
 */
export const JournalEntry = z.discriminatedUnion('entity', [
  z
    .object({ entity: z.literal('call'), id: z.string().min(1), hlc: z.string().min(1), data: CallLog })
    .strict(),
  // Incident events are immutable: one entry per event, keyed by the event id.
  z
    .object({
      entity: z.literal('incident-event'),
      id: z.string().min(1),
      hlc: z.string().min(1),
      data: IncidentEvent,
    })
    .strict(),
]);
export type JournalEntry = z.infer<typeof JournalEntry>;

export const JournalRef = z
  .object({ entity: z.enum(['call', 'incident-event']), id: z.string().min(1), hlc: z.string().min(1) })
  .strict();
export type JournalRef = z.infer<typeof JournalRef>;

export const MAX_JOURNAL_BATCH = 500;
