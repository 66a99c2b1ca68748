import { create } from 'zustand';
import type { IpcError } from '@shared/ipc/result';
import { DEFAULT_SEAT_SETTINGS, type SeatSettings, type SeatSettingsPatch } from '@shared/settings/schema';
import { floorguard } from '../../bridge/floorguard';
import { applyLocale } from '../../i18n';

interface SeatState {
  settings: SeatSettings;
  loaded: boolean;
  error: IpcError | null;
  /** Reads the settings from main; `translationsReady`: applies their language only once the translations are in. */
  load(translationsReady?: Promise<unknown>): Promise<void>;
  update(patch: SeatSettingsPatch): Promise<boolean>;
}

/** The seat's settings as main keeps them; the renderer never owns a second copy that could drift. */
export const useSeatStore = create<SeatState>((set) => ({
  settings: DEFAULT_SEAT_SETTINGS,
  loaded: false,
  error: null,
  async load(translationsReady: Promise<unknown> = Promise.resolve()) {
    // Asked at once; the language is switched once the translations are in.
    const result = await floorguard().invoke('settings:get', {});
    if (!result.ok) return set({ error: result.error });
    await translationsReady;
    await applyLocale(result.value.locale);
    set({ settings: result.value, loaded: true, error: null });
  },
  async update(patch) {
    const result = await floorguard().invoke('settings:update', patch);
    if (!result.ok) {
      set({ error: result.error });
      return false;
    }
    await applyLocale(result.value.locale);
    set({ settings: result.value, error: null });
    return true;
  },
}));

/** Keeps every window in step when another window (or the tray) changes the settings. */
export function followSettingsChanges(): () => void {
  return floorguard().on('settings:changed', (settings) => {
    void applyLocale(settings.locale).then(() => useSeatStore.setState({ settings }));
  });
}
