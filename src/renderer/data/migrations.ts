/**
 * Dexie schema versions, oldest first. Never edit a released version: add the next one (with an upgrade function
 * when existing rows must change). Tested in test/unit/renderer/db.test.ts.
 */
export const MIGRATIONS: readonly { version: number; stores: Record<string, string | null> }[] = [
  {
    version: 1,
    stores: {
      // Indexed fields only; the rest of a record is stored but not indexed.
      calls: 'id, createdAt, callerPhone, problemType, status, callbackDueAt, incidentId',
      // seq is assigned by us, contiguous within the epoch (auto-increment keys are not rolled back on abort).
      outbox: 'seq, entityId',
      meta: 'key',
      drafts: 'key',
      // Saves whose journal copy main has not confirmed yet (main busy, harness socket down): retried until it does.
      pendingJournal: 'key',
      // Incident timelines: append-only events, merged by union across seats (derived state is never stored).
      incidentEvents: 'id, incidentId, hlc',
      // Site configuration pulled from the centre (entity `site-config`), last writer wins by hlc per kind.
      siteConfig: 'kind',
    },
  },
  {
    version: 2,
    stores: {
      // Leads' edits of the contact tree (entity `contact`), one row per person, last writer wins by hlc.
      contactEdits: 'id',
    },
  },
  {
    version: 3,
    stores: {
      // Every outbox seq taken, kept a day after the centre has it: a save that writes at the seq it expects, without
      // reading the counter first, fails on a taken one (see outbox.ts).
      seqClaims: 'seq',
    },
  },
];
