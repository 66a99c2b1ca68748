import { describe, expect, it } from 'vitest';
import { updatePlan } from '../../../src/main/services/updates/update-plan';

describe('update plan', () => {
  const on = { updates: { enabled: true, url: 'https://updates.example.internal/floorguard/' } };

  it('is off unless the site policy turns it on with a URL', () => {
    expect(updatePlan({ updates: { enabled: false } }, true)).toEqual({
      enabled: false,
      reason: 'off-in-policy',
    });
    expect(updatePlan({ updates: { enabled: true } }, true)).toEqual({ enabled: false, reason: 'no-url' });
    expect(updatePlan(on, true)).toMatchObject({ enabled: true, url: on.updates.url });
  });

  it('never runs from a development build', () => {
    expect(updatePlan(on, false)).toEqual({ enabled: false, reason: 'not-packaged' });
  });
});
