import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createManualSeatPowerSource,
  createSeatPowerService,
  type SeatPowerSource,
} from '../../../src/main/services/seat-power';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2025-03-01T09:00:00Z'));
});
afterEach(() => vi.useRealTimers());

describe('seat power service', () => {
  it('reports the state at start without a "since" (it may have been so for hours)', () => {
    const { source } = createManualSeatPowerSource(true);
    const service = createSeatPowerService({ source });
    expect(service.status()).toEqual({ onBattery: true });
    service.dispose();
  });

  it('tells listeners when the seat goes on battery and back, with the time it changed', () => {
    const fake = createManualSeatPowerSource(false);
    const service = createSeatPowerService({ source: fake.source });
    const heard: unknown[] = [];
    service.onChange((status) => heard.push(status));
    vi.setSystemTime(new Date('2025-03-01T09:05:00Z'));
    fake.set(true);
    fake.set(true); // the OS may repeat itself: no second event
    vi.setSystemTime(new Date('2025-03-01T09:30:00Z'));
    fake.set(false);
    expect(heard).toEqual([
      { onBattery: true, since: '2025-03-01T09:05:00.000Z' },
      { onBattery: false, since: '2025-03-01T09:30:00.000Z' },
    ]);
    service.dispose();
  });

  it('notices a change by polling where the platform sends no event (Linux)', () => {
    let onBattery = false;
    const silent: SeatPowerSource = { read: () => onBattery, subscribe: () => () => undefined };
    const service = createSeatPowerService({ source: silent, pollIntervalMs: 10_000 });
    onBattery = true;
    expect(service.status().onBattery).toBe(false);
    vi.advanceTimersByTime(10_000);
    expect(service.status().onBattery).toBe(true);
    service.dispose();
  });

  it('says "cannot tell" when the platform call throws, and stops listening on dispose', () => {
    let unsubscribed = false;
    const broken: SeatPowerSource = {
      read: () => {
        throw new Error('not supported');
      },
      subscribe: () => () => {
        unsubscribed = true;
      },
    };
    const service = createSeatPowerService({ source: broken });
    expect(service.status()).toEqual({ onBattery: null });
    service.dispose();
    expect(unsubscribed).toBe(true);
  });
});
