import type { SeatPowerStatus } from '@shared/ipc/channels/monitors';

/**
 * Where this seat's own power state comes from: Electron's `powerMonitor` in the app, a switch in the harness and
 * the tests. `read` returns null when the platform cannot tell.
 */
export interface SeatPowerSource {
  read(): boolean | null;
  /** Calls `listener` whenever the source may have changed (the service re-reads; a spurious call is harmless). */
  subscribe(listener: () => void): () => void;
}

export interface SeatPowerService {
  status(): SeatPowerStatus;
  /** Called only when `onBattery` actually changes. */
  onChange(listener: (status: SeatPowerStatus) => void): () => void;
  dispose(): void;
}

export interface SeatPowerOptions {
  source: SeatPowerSource;
  /**
   * Re-read period. Electron emits `on-battery`/`on-ac` only on Windows and macOS; on Linux only polling sees the
   * change, and a seat that silently went on battery is exactly what the floor must know about.
   */
  pollIntervalMs?: number;
  now?: () => Date;
}

function safeRead(source: SeatPowerSource): boolean | null {
  try {
    return source.read();
  } catch {
    // A platform API that throws means "cannot tell", not "on mains".
    return null;
  }
}

export function createSeatPowerService(options: SeatPowerOptions): SeatPowerService {
  const now = options.now ?? (() => new Date());
  const listeners = new Set<(status: SeatPowerStatus) => void>();
  // No `since` at start: the seat may have been on battery long before the console started.
  let current: SeatPowerStatus = { onBattery: safeRead(options.source) };

  function refresh(): void {
    const onBattery = safeRead(options.source);
    if (onBattery === current.onBattery) return;
    current = onBattery === null ? { onBattery } : { onBattery, since: now().toISOString() };
    for (const listener of listeners) listener(current);
  }

  const unsubscribe = options.source.subscribe(refresh);
  const timer = setInterval(refresh, options.pollIntervalMs ?? 30_000);
  timer.unref?.();

  return {
    status: () => current,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      clearInterval(timer);
      unsubscribe();
      listeners.clear();
    },
  };
}

/** A source the harness and tests switch by hand. */
export function createManualSeatPowerSource(initial: boolean | null = false) {
  let onBattery = initial;
  const listeners = new Set<() => void>();
  const source: SeatPowerSource = {
    read: () => onBattery,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    source,
    set(value: boolean | null) {
      onBattery = value;
      for (const listener of listeners) listener();
    },
  };
}
