import type { UpsConfig } from '@shared/monitors/config';
import {
  GENERATOR_CHARGE_PERCENT,
  initialUpsState,
  readingFromVars,
  upsStateChanged,
  upsStateFromReading,
  upsStateUnreachable,
  type UpsState,
} from '@shared/monitors/ups-status';
import { backoffDelay, type BackoffOptions } from './backoff';
import { connectNut, type NutConnect, type NutConnection } from './nut-client';
import { NutError } from './nut-protocol';

/** Watches every UPS in the site policy over NUT and tells listeners when one changes. */
export interface PowerMonitor {
  status(): UpsState[];
  /** Called with the changed unit's new state (and all units), never for a poll that changed nothing. */
  onChange(listener: (state: UpsState, all: UpsState[]) => void): () => void;
  /** Polls every unit now (e.g. when the user opens the power page); resolves with the fresh states. */
  pollNow(): Promise<UpsState[]>;
  dispose(): Promise<void>;
}

export interface PowerMonitorOptions {
  ups: readonly UpsConfig[];
  pollIntervalMs?: number;
  /** Per connect and per command. */
  timeoutMs?: number;
  backoff?: BackoffOptions;
  generatorChargePercent?: number;
  now?: () => Date;
  connect?: NutConnect;
  /** Start polling at once (default). Tests and the doctor may prefer to drive `pollNow` themselves. */
  autoStart?: boolean;
}

interface Unit {
  config: UpsConfig;
  state: UpsState;
  connection: NutConnection | null;
  failures: number;
  timer: NodeJS.Timeout | null;
  inFlight: Promise<void> | null;
}

function describe(error: unknown): string {
  if (error instanceof NutError) return error.code;
  return error instanceof Error ? error.message : String(error);
}

export function createPowerMonitor(options: PowerMonitorOptions): PowerMonitor {
  const now = options.now ?? (() => new Date());
  const connect = options.connect ?? connectNut;
  const pollIntervalMs = options.pollIntervalMs ?? 5000;
  const timeoutMs = options.timeoutMs ?? 3000;
  const generator = options.generatorChargePercent ?? GENERATOR_CHARGE_PERCENT;
  const listeners = new Set<(state: UpsState, all: UpsState[]) => void>();
  let disposed = false;

  const units: Unit[] = options.ups.map((config) => ({
    config,
    state: initialUpsState({
      name: config.name,
      upsName: config.upsName,
      host: config.host,
      port: config.port,
    }),
    connection: null,
    failures: 0,
    timer: null,
    inFlight: null,
  }));

  const all = () => units.map((unit) => unit.state);

  function publish(unit: Unit, next: UpsState): void {
    const changed = upsStateChanged(unit.state, next);
    unit.state = next;
    if (!changed || disposed) return;
    const snapshot = all();
    for (const listener of listeners) listener(next, snapshot);
  }

  async function ensureConnection(unit: Unit): Promise<NutConnection> {
    if (unit.connection && !unit.connection.closed) return unit.connection;
    const connection = await connect({ host: unit.config.host, port: unit.config.port, timeoutMs });
    try {
      // Credentials are only needed for upsd.users ACLs; reads usually work without them.
      if (unit.config.username !== undefined && unit.config.password !== undefined) {
        await connection.login(unit.config.username, unit.config.password);
      }
    } catch (error) {
      connection.close();
      throw error;
    }
    unit.connection = connection;
    return connection;
  }

  async function pollUnit(unit: Unit): Promise<void> {
    try {
      const connection = await ensureConnection(unit);
      const vars = await connection.listVar(unit.config.upsName);
      unit.failures = 0;
      publish(unit, upsStateFromReading(unit.state, readingFromVars(vars), now().toISOString(), generator));
    } catch (error) {
      // Any failure, ERR replies included (DRIVER-NOT-CONNECTED, DATA-STALE), starts over on a fresh connection:
      // a stale socket is the usual cause and a reconnect is cheap.
      unit.connection?.close();
      unit.connection = null;
      unit.failures += 1;
      publish(unit, upsStateUnreachable(unit.state, describe(error), now().toISOString()));
    }
  }

  function schedule(unit: Unit): void {
    if (disposed) return;
    const delay = unit.failures === 0 ? pollIntervalMs : backoffDelay(unit.failures, options.backoff);
    unit.timer = setTimeout(() => void run(unit), delay);
    unit.timer.unref?.();
  }

  function run(unit: Unit): Promise<void> {
    if (unit.inFlight) return unit.inFlight;
    if (unit.timer) clearTimeout(unit.timer);
    unit.timer = null;
    unit.inFlight = pollUnit(unit).finally(() => {
      unit.inFlight = null;
      schedule(unit);
    });
    return unit.inFlight;
  }

  if (options.autoStart ?? true) for (const unit of units) void run(unit);

  return {
    status: all,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async pollNow() {
      // A poll already under way may have started before the caller's reason to ask; wait for it, then ask again.
      await Promise.all(
        units.map(async (unit) => {
          if (unit.inFlight) await unit.inFlight;
          await run(unit);
        }),
      );
      return all();
    },
    async dispose() {
      disposed = true;
      listeners.clear();
      for (const unit of units) if (unit.timer) clearTimeout(unit.timer);
      await Promise.all(units.map((unit) => unit.inFlight?.catch(() => undefined)));
      await Promise.all(units.map((unit) => unit.connection?.logout()));
      for (const unit of units) unit.connection = null;
    },
  };
}
