import { describe, expect, it } from 'vitest';
import type { Handlers } from '@shared/ipc/dispatcher';
import { createDispatcher } from '@shared/ipc/dispatcher';
import { DEFAULT_SEAT_SETTINGS } from '@shared/settings/schema';
import { stubHandlers } from './stub-handlers';

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return stubHandlers({
    'settings:get': () => DEFAULT_SEAT_SETTINGS,
    'settings:update': (patch) => ({ ...DEFAULT_SEAT_SETTINGS, ...patch }),
    'network:status': () => ({ online: true, checkedAt: new Date(0).toISOString() }),
    ...overrides,
  });
}

describe('dispatcher', () => {
  it('answers a valid request with the handler value', async () => {
    const dispatch = createDispatcher(handlers());
    await expect(dispatch('settings:update', { locale: 'en' })).resolves.toEqual({
      ok: true,
      value: { ...DEFAULT_SEAT_SETTINGS, locale: 'en' },
    });
  });

  it('refuses a request that fails the schema, naming the field, without calling the handler', async () => {
    let called = false;
    const dispatch = createDispatcher(
      handlers({
        'settings:update': () => {
          called = true;
          return DEFAULT_SEAT_SETTINGS;
        },
      }),
    );
    const result = await dispatch('settings:update', { locale: 'fr', extra: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_request');
    expect(result.error.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(['locale']));
    expect(called).toBe(false);
  });

  it('answers unknown channels and prototype names with unknown_channel', async () => {
    const dispatch = createDispatcher(handlers());
    for (const name of ['settings:delete', 'toString', '__proto__', 42]) {
      const result = await dispatch(name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
  });

  it('turns a thrown handler error into an internal error instead of a crash', async () => {
    const seen: string[] = [];
    const dispatch = createDispatcher(
      handlers({
        'settings:get': () => {
          throw new Error('disk full');
        },
      }),
      (channel) => seen.push(channel),
    );
    await expect(dispatch('settings:get', {})).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'disk full' },
    });
    expect(seen).toEqual(['settings:get']);
  });

  it('refuses to pass on a response that breaks the contract', async () => {
    const dispatch = createDispatcher(
      handlers({ 'network:status': () => ({ online: 'yes', checkedAt: 'now' }) as never }),
    );
    const result = await dispatch('network:status', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_response' } });
  });
});
