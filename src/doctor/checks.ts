import type { LineConfig, UpsConfig } from '@shared/monitors/config';
import { isOnBattery, parseUpsFlags } from '@shared/monitors/ups-status';
import { probeLine } from '../main/services/lines';
import { connectNut, NutError, type NutConnect, type NutConnection } from '../main/services/power';
import type { CheckOutcome, LineCheckOutcome, UpsCheckOutcome } from './doctor';

/** The doctor's real checks: the same client code the console runs, used once each. */

export async function checkCentral(url: string, timeoutMs = 5000): Promise<CheckOutcome> {
  const healthUrl = `${url.replace(/\/+$/, '')}/v1/health`;
  try {
    const response = await fetch(healthUrl, { signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    if (response.status !== 200) return { ok: false, detail: `GET ${healthUrl} → HTTP ${response.status}` };
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return { ok: false, detail: `GET ${healthUrl} → 200 but the body is not JSON` };
    }
    const healthy = typeof body === 'object' && body !== null && 'status' in body && body.status === 'ok';
    return healthy
      ? { ok: true, detail: `GET ${healthUrl} → 200 {"status":"ok"}` }
      : { ok: false, detail: `GET ${healthUrl} → 200 but status is not "ok"` };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : null;
    return {
      ok: false,
      detail: `GET ${healthUrl} failed: ${cause ?? (error instanceof Error ? error.message : String(error))}`,
    };
  }
}

/**
 * Passes when upsd answers `ups.status` for the unit: the doctor checks that the console can watch the UPS.
 * Being on battery is reported (status, onBattery, charge) but is a site condition, not an installation fault.
 */
export async function checkUps(
  ups: UpsConfig,
  { timeoutMs = 3000, connect = connectNut }: { timeoutMs?: number; connect?: NutConnect } = {},
): Promise<UpsCheckOutcome> {
  const where = `${ups.upsName}@${ups.host}:${ups.port}`;
  let connection: NutConnection;
  try {
    connection = await connect({ host: ups.host, port: ups.port, timeoutMs });
  } catch (error) {
    return {
      ok: false,
      detail: `${where}: ${messageOf(error)}`,
      status: null,
      onBattery: false,
      batteryCharge: null,
    };
  }
  try {
    if (ups.username !== undefined && ups.password !== undefined)
      await connection.login(ups.username, ups.password);
    const status = await connection.getVar(ups.upsName, 'ups.status');
    const charge = await connection
      .getVar(ups.upsName, 'battery.charge')
      .then(Number)
      .catch((error: unknown) => {
        // Not every UPS reports a charge; anything else is a real failure.
        if (error instanceof NutError && error.code === 'VAR-NOT-SUPPORTED') return null;
        throw error;
      });
    const batteryCharge = charge !== null && Number.isFinite(charge) ? charge : null;
    const onBattery = isOnBattery(parseUpsFlags(status));
    const chargeText = batteryCharge === null ? 'charge unknown' : `charge ${batteryCharge} %`;
    return { ok: true, detail: `${where}: ${status}, ${chargeText}`, status, onBattery, batteryCharge };
  } catch (error) {
    return {
      ok: false,
      detail: `${where}: ${messageOf(error)}`,
      status: null,
      onBattery: false,
      batteryCharge: null,
    };
  } finally {
    await connection.logout();
  }
}

export async function checkLine(line: LineConfig, defaultTimeoutMs = 3000): Promise<LineCheckOutcome> {
  const outcome = await probeLine(line, line.timeoutMs ?? defaultTimeoutMs);
  // The doctor wants a working service, so a degraded line (HTTP 5xx) fails here even though it counts as reachable.
  return {
    ok: outcome.result === 'up',
    detail: `${line.probe} ${line.target}: ${outcome.result} (${outcome.detail})`,
    latencyMs: outcome.latencyMs,
  };
}

function messageOf(error: unknown): string {
  if (error instanceof NutError)
    return error.code === 'UNKNOWN-UPS' ? 'upsd does not know this UPS (UNKNOWN-UPS)' : error.message;
  return error instanceof Error ? error.message : String(error);
}
