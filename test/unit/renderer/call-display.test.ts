import { format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { formatPhone } from '@shared/calls/phone';
import { displayPhone, shortDateTime } from '../../../src/renderer/features/calls/display';

describe('call list display', () => {
  it('prints times exactly as date-fns MM-dd HH:mm does, around midnight and month ends too', () => {
    const samples = [
      '2026-01-01T00:00:00.000Z',
      '2026-02-28T23:59:59.999Z',
      '2026-12-31T15:05:00.000Z',
      '2026-03-29T01:30:00.000Z',
      ...Array.from({ length: 200 }, (_, i) =>
        new Date(Date.UTC(2026, 0, 1) + (i * 7_654_321_123) / 7).toISOString(),
      ),
    ];
    for (const iso of samples) expect(shortDateTime(iso)).toBe(format(new Date(iso), 'MM-dd HH:mm'));
  });

  it('shows numbers as the shared formatter does, the second time from memory', () => {
    for (const stored of ['+8613812345678', '+861062345678', '+16502530000', 'not a number']) {
      expect(displayPhone(stored)).toBe(formatPhone(stored));
      expect(displayPhone(stored)).toBe(formatPhone(stored));
    }
  });
});
