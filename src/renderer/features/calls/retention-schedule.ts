import type { SitePolicy } from '@shared/policy';
import type { CallsRepository } from './calls-repository';

/** Off the start-up path: the first purge waits until the seat has settled. */
const FIRST_RUN_MS = 60_000;
/** Retention is counted in days; an hourly look is plenty, and each one is a single indexed query. */
const EVERY_MS = 60 * 60_000;

/**
 * Runs the site's retention of synced calls (`retention.purgeSyncedAfterDays`, off by default) a minute after start and
 * hourly after that, under a web lock so that several windows do not purge at once. The policy is read at each run:
 * a change from the centre applies without a restart. Returns a stop function.
 */
export function startRetention(options: {
  calls: Pick<CallsRepository, 'purgeSynced'>;
  policy: () => SitePolicy;
  firstRunMs?: number;
  everyMs?: number;
}): () => void {
  const run = async () => {
    const policy = options.policy();
    if (policy.retention.purgeSyncedAfterDays === null) return;
    const purge = () => options.calls.purgeSynced(policy);
    try {
      if (typeof navigator !== 'undefined' && navigator.locks) {
        await navigator.locks.request('floorguard:retention', { ifAvailable: true }, (lock) =>
          lock ? purge() : undefined,
        );
      } else await purge();
    } catch {
      // A failed purge removes nothing (one transaction) and is tried again at the next run.
    }
  };
  let interval: ReturnType<typeof setInterval> | undefined;
  const first = setTimeout(() => {
    void run();
    interval = setInterval(() => void run(), options.everyMs ?? EVERY_MS);
  }, options.firstRunMs ?? FIRST_RUN_MS);
  return () => {
    clearTimeout(first);
    clearInterval(interval);
  };
}
