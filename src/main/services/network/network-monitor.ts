import type { NetworkStatus } from '@shared/ipc/contract';

/** Reports whether this machine believes it is online; Electron's `net.isOnline()` in the app. */
export interface NetworkMonitor {
  status(): NetworkStatus;
  onChange(listener: (status: NetworkStatus) => void): () => void;
  dispose(): void;
}

/**
 * Polls a probe and reports changes. The probe is injected so the same monitor runs on Electron's `net`
 * and in the harness (where tests can switch it).
 */
export function createNetworkMonitor(options: {
  probe: () => boolean;
  intervalMs?: number;
  now?: () => Date;
}): NetworkMonitor {
  const now = options.now ?? (() => new Date());
  const listeners = new Set<(status: NetworkStatus) => void>();
  let current: NetworkStatus = { online: options.probe(), checkedAt: now().toISOString() };

  const timer = setInterval(() => {
    const online = options.probe();
    const changed = online !== current.online;
    current = { online, checkedAt: now().toISOString() };
    if (changed) for (const listener of listeners) listener(current);
  }, options.intervalMs ?? 2000);
  timer.unref?.();

  return {
    status: () => current,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose: () => clearInterval(timer),
  };
}
