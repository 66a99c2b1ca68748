import { describe, expect, it } from 'vitest';
import { availabilityHours, impactPeriods, incidentWindow } from '@shared/closeout';
import { at, declared, ev } from '../incidents/helpers';

describe('availability impact from the timeline', () => {
  it('counts from the declaration to the recovery', () => {
    const log = [declared('urgent'), ev('incident.resolved', {}, { minutes: 45 })];
    const periods = impactPeriods(log);
    expect(periods).toEqual([{ start: at(0).toISOString(), end: at(45).toISOString() }]);
    expect(availabilityHours(periods, at(600))).toBe(0.75);
  });

  it('counts each reopened period and not the time in between', () => {
    const log = [
      declared('urgent'),
      ev('incident.resolved', {}, { minutes: 30 }),
      ev('incident.reopened', { reason: '再次无法登录' }, { minutes: 90 }),
      ev('incident.resolved', {}, { minutes: 120 }),
    ];
    const periods = impactPeriods(log);
    expect(periods).toHaveLength(2);
    // 30 min + 30 min, the hour between them was service as usual.
    expect(availabilityHours(periods, at(600))).toBe(1);
    expect(incidentWindow(periods, at(600))).toEqual({ start: at(0), end: at(120) });
  });

  it('counts an open period up to now, and a reopen still open', () => {
    const log = [
      declared('urgent'),
      ev('incident.resolved', {}, { minutes: 20 }),
      ev('incident.reopened', { reason: 'again' }, { minutes: 40 }),
    ];
    // 20 min, then 30 min since the reopen.
    expect(availabilityHours(impactPeriods(log), at(70))).toBeCloseTo(50 / 60, 10);
  });

  it('ignores a second recovery without a reopen, and never goes negative', () => {
    const log = [
      declared('urgent'),
      ev('incident.resolved', {}, { minutes: 60 }),
      ev('incident.resolved', {}, { minutes: 90 }),
    ];
    expect(availabilityHours(impactPeriods(log), at(200))).toBe(1);
    const backwards = [
      declared('urgent', { minutes: 10 }),
      ev('incident.resolved', {}, { minutes: 5, hlcAt: 11 }),
    ];
    expect(availabilityHours(impactPeriods(backwards), at(200))).toBe(0);
  });
});
