import Store from 'electron-store';
import { DEFAULT_SEAT_SETTINGS, type SeatSettings } from '@shared/settings/schema';
import type { SettingsBackend } from '../services/settings/settings-service';

/** electron-store keeps the seat's settings in the user-data folder (config.json). */
export function electronStoreBackend(): SettingsBackend {
  const store = new Store<{ seat: SeatSettings }>({
    name: 'settings',
    defaults: { seat: DEFAULT_SEAT_SETTINGS },
  });
  return {
    read: () => store.get('seat'),
    write: (settings) => store.set('seat', settings),
  };
}
