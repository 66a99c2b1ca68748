import { describe, expect, it } from 'vitest';
import { HybridClock, MAX_DRIFT_MS, decodeHlc, encodeHlc } from '@shared/sync/hlc';

const T = Date.parse('2026-11-24T02:00:00Z');

describe('an edit orders after the version it edits', () => {
  it('adopts a remote timestamp within the drift bound', () => {
    const clock = new HybridClock('a', () => T);
    const remote = encodeHlc({ millis: T + 60_000, counter: 3, node: 'b' });
    const mine = clock.tickAfter(remote);
    expect(mine > remote).toBe(true);
    // The clock moved: the next local event orders after the remote one too.
    expect(clock.tick() > remote).toBe(true);
  });

  it('still orders after a version stamped by a clock days ahead, without jumping this clock', () => {
    const clock = new HybridClock('a', () => T);
    const far = encodeHlc({ millis: T + MAX_DRIFT_MS + 86_400_000, counter: 0, node: 'b' });
    expect(() => clock.receive(far)).toThrow(/too far ahead/);
    const first = clock.tickAfter(far);
    const second = clock.tickAfter(first);
    expect(first > far).toBe(true);
    expect(second > first).toBe(true);
    expect(decodeHlc(second)).toMatchObject({ millis: decodeHlc(far).millis, node: 'a' });
    // Other local events keep this seat's own time.
    expect(decodeHlc(clock.tick()).millis).toBe(T);
  });

  it('is a plain tick when there is nothing to follow', () => {
    const clock = new HybridClock('a', () => T);
    expect(decodeHlc(clock.tickAfter(undefined))).toEqual({ millis: T, counter: 0, node: 'a' });
  });
});
