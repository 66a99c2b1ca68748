import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultPolicy, mergePolicy, type SitePolicy } from '@shared/policy';
import { startRetention } from '../../../src/renderer/features/calls/retention-schedule';

afterEach(() => {
  vi.useRealTimers();
});

describe('retention schedule', () => {
  it('purges a minute after start and hourly after that, with the policy of the moment, never when it is off', async () => {
    vi.useFakeTimers();
    let policy: SitePolicy = defaultPolicy();
    const runs: (number | null)[] = [];
    const stop = startRetention({
      calls: {
        purgeSynced: async (p) => {
          runs.push(p.retention.purgeSyncedAfterDays);
          return [];
        },
      },
      policy: () => policy,
    });

    await vi.advanceTimersByTimeAsync(60_000);
    expect(runs).toEqual([]); // off by default: nothing purged, nothing asked

    // The centre turns retention on: the next hourly run uses it, without a restart.
    policy = mergePolicy(defaultPolicy(), { retention: { purgeSyncedAfterDays: 30 } });
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(runs).toEqual([30]);
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(runs).toEqual([30, 30]);

    stop();
    await vi.advanceTimersByTimeAsync(3 * 60 * 60_000);
    expect(runs).toEqual([30, 30]);
  });

  it('a failed purge is tried again at the next run', async () => {
    vi.useFakeTimers();
    let attempts = 0;
    const stop = startRetention({
      calls: {
        purgeSynced: async () => {
          attempts += 1;
          if (attempts === 1) throw new DOMException('disk full', 'QuotaExceededError');
          return ['a'];
        },
      },
      policy: () => mergePolicy(defaultPolicy(), { retention: { purgeSyncedAfterDays: 7 } }),
      firstRunMs: 10,
      everyMs: 1_000,
    });
    await vi.advanceTimersByTimeAsync(10);
    expect(attempts).toBe(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(attempts).toBe(2);
    stop();
  });
});
