import { useEffect, useState } from 'react';
import type { NetworkStatus } from '@shared/ipc/contract';
import { floorguard } from '../bridge/floorguard';

/** Online when both the browser and main agree; main sees the machine, the browser sees this page's view. */
export function useNetworkStatus(): boolean {
  const [mainStatus, setMainStatus] = useState<NetworkStatus | null>(null);
  const [browserOnline, setBrowserOnline] = useState(() => navigator.onLine);

  useEffect(() => {
    let alive = true;
    void floorguard()
      .invoke('network:status', {})
      .then((result) => {
        if (alive && result.ok) setMainStatus(result.value);
      });
    const off = floorguard().on('network:changed', setMainStatus);
    const up = () => setBrowserOnline(true);
    const down = () => setBrowserOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      alive = false;
      off();
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);

  return browserOnline && (mainStatus?.online ?? true);
}
