import { useEffect, useState } from 'react';
import { floorguard } from '../../bridge/floorguard';

/** Where the console runs: Electron saves PDFs itself, the harness prints through the browser. */
export function useHost(): 'electron' | 'harness' | null {
  const [host, setHost] = useState<'electron' | 'harness' | null>(null);
  useEffect(() => {
    let live = true;
    void floorguard()
      .invoke('app:info', {})
      .then((r) => live && r.ok && setHost(r.value.host));
    return () => {
      live = false;
    };
  }, []);
  return host;
}
