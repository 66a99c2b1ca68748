import { powerMonitor } from 'electron';
import type { SeatPowerSource } from '../services/seat-power';

/** This seat's power from Electron's `powerMonitor`; needs the app to be ready. */
export function electronSeatPowerSource(): SeatPowerSource {
  return {
    read: () => powerMonitor.isOnBatteryPower(),
    subscribe(listener) {
      powerMonitor.on('on-battery', listener);
      powerMonitor.on('on-ac', listener);
      return () => {
        powerMonitor.off('on-battery', listener);
        powerMonitor.off('on-ac', listener);
      };
    },
  };
}
