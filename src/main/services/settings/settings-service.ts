import { DEFAULT_SEAT_SETTINGS, SeatSettings, type SeatSettingsPatch } from '@shared/settings/schema';

/** Where settings are kept: electron-store in the app, a JSON file in the harness, memory in tests. */
export interface SettingsBackend {
  read(): unknown;
  write(settings: SeatSettings): void;
}

export interface SettingsService {
  get(): SeatSettings;
  update(patch: SeatSettingsPatch): SeatSettings;
  onChange(listener: (settings: SeatSettings) => void): () => void;
}

/**
 * Per-seat settings over any backend. A stored value that no longer fits the schema (hand-edited, older version)
 * falls back key by key to the defaults instead of stopping the app.
 */
export function createSettingsService(backend: SettingsBackend): SettingsService {
  const listeners = new Set<(settings: SeatSettings) => void>();
  let current = recover(backend.read());

  return {
    get: () => current,
    update(patch) {
      current = SeatSettings.parse({ ...current, ...patch });
      backend.write(current);
      for (const listener of listeners) listener(current);
      return current;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function recover(stored: unknown): SeatSettings {
  const whole = SeatSettings.safeParse(stored);
  if (whole.success) return whole.data;
  const source = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const settings: Record<string, unknown> = { ...DEFAULT_SEAT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SEAT_SETTINGS) as (keyof SeatSettings)[]) {
    const field = SeatSettings.shape[key].safeParse(source[key]);
    if (field.success) settings[key] = field.data;
  }
  return SeatSettings.parse(settings);
}

export function memorySettingsBackend(initial?: unknown): SettingsBackend & { stored: unknown } {
  const backend = {
    stored: initial,
    read: () => backend.stored,
    write: (settings: SeatSettings) => {
      backend.stored = structuredClone(settings);
    },
  };
  return backend;
}
