import { describe, expect, it } from 'vitest';
import { defaultPolicy, gradeFinal } from '@shared/grading';
import { mergePolicy } from '@shared/policy';

const policy = defaultPolicy();
const level = (availabilityHours: number, lossCny = 0) =>
  gradeFinal(policy, { availabilityHours, lossCny }).level;

describe('gradeFinal (§6)', () => {
  it.each([
    [3, 'major'],
    [2.01, 'major'],
    [2, 'urgent'],
    [1.01, 'urgent'],
    [1, 'serious'],
    [0.51, 'serious'],
    [0.5, 'general'],
    [0, 'general'],
  ])('availability %sh -> %s', (hours, expected) => {
    expect(level(hours)).toBe(expected);
  });

  it.each([
    [100_001, 'major'],
    [100_000, 'urgent'],
    [10_001, 'urgent'],
    [10_000, 'serious'],
    [1, 'serious'],
    [0, 'general'],
  ])('loss %i CNY -> %s', (loss, expected) => {
    expect(level(0, loss)).toBe(expected);
  });

  it('names the criterion that decided', () => {
    expect(gradeFinal(policy, { availabilityHours: 1.5, lossCny: 200_000 })).toEqual({
      level: 'major',
      reasons: ['loss 200000 CNY > 100000 CNY -> major'],
    });
    expect(gradeFinal(policy, { availabilityHours: 2.5, lossCny: 5_000 })).toEqual({
      level: 'major',
      reasons: ['availability 2.5h > 2h -> major'],
    });
    expect(gradeFinal(policy, { availabilityHours: 0.2, lossCny: 0 })).toEqual({
      level: 'general',
      reasons: ['no criterion above general -> general'],
    });
  });

  it('lists every criterion that reached the final level', () => {
    expect(gradeFinal(policy, { availabilityHours: 1.5, lossCny: 50_000 }).reasons).toEqual([
      'availability 1.5h > 1h -> urgent',
      'loss 50000 CNY > 10000 CNY -> urgent',
    ]);
  });

  it('the complaint level is a third criterion and can decide', () => {
    expect(gradeFinal(policy, { availabilityHours: 0.2, lossCny: 0, complaintLevel: 'urgent' })).toEqual({
      level: 'urgent',
      reasons: ['complaint volume -> urgent'],
    });
    expect(gradeFinal(policy, { availabilityHours: 3, lossCny: 0, complaintLevel: 'serious' }).level).toBe(
      'major',
    );
    expect(gradeFinal(policy, { availabilityHours: 0, lossCny: 0, complaintLevel: null }).level).toBe(
      'general',
    );
    expect(
      gradeFinal(policy, { availabilityHours: 0, lossCny: 0, complaintLevel: 'general' }).reasons,
    ).toEqual(['complaint volume -> general']);
  });

  it('refuses nonsense input', () => {
    expect(() => gradeFinal(policy, { availabilityHours: -1, lossCny: 0 })).toThrow(RangeError);
    expect(() => gradeFinal(policy, { availabilityHours: 0, lossCny: Number.POSITIVE_INFINITY })).toThrow(
      RangeError,
    );
    expect(() =>
      gradeFinal(policy, { availabilityHours: 0, lossCny: 0, complaintLevel: 'catastrophic' }),
    ).toThrow('Unknown complaint level "catastrophic"');
  });

  it('uses the thresholds of the site policy', () => {
    const site = mergePolicy(policy, {
      grading: {
        final: {
          lossCny: [
            { above: 1_000_000, level: 'major' },
            { above: 50_000, level: 'serious' },
          ],
        },
      },
    });
    expect(gradeFinal(site, { availabilityHours: 0, lossCny: 200_000 }).level).toBe('serious');
    expect(gradeFinal(site, { availabilityHours: 0, lossCny: 20_000 }).level).toBe('general');
    // Availability thresholds were not in the file, so the defaults remain.
    expect(gradeFinal(site, { availabilityHours: 2.5, lossCny: 0 }).level).toBe('major');
  });
});
