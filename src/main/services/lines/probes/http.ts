import type { ProbeResult } from '@shared/monitors/line-status';
import { elapsedMs } from './target';

/**
 * Any HTTP response means the line and the server are reachable. A 5xx is `degraded`: the network path works
 * but the service behind it is failing, which the floor handles differently from a cut line. Redirects are not
 * followed: the first answer already proves reachability.
 */
export async function probeHttp(target: string, timeoutMs: number): Promise<ProbeResult> {
  const startedAt = process.hrtime.bigint();
  try {
    const response = await fetch(target, {
      method: 'GET',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: { 'user-agent': 'Floorguard line probe' },
    });
    const latencyMs = elapsedMs(startedAt);
    // The body is not needed; cancelling frees the socket instead of downloading it.
    await response.body?.cancel().catch(() => undefined);
    const detail = `HTTP ${response.status}`;
    return { result: response.status >= 500 ? 'degraded' : 'up', latencyMs, detail };
  } catch (error) {
    return { result: 'down', latencyMs: null, detail: describeFetchError(error, timeoutMs) };
  }
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && error.name === 'TimeoutError')
    return `no HTTP answer in ${timeoutMs} ms`;
  if (error instanceof Error) {
    const cause = error.cause;
    if (cause instanceof Error && 'code' in cause && typeof cause.code === 'string')
      return `HTTP ${cause.code}`;
    return `HTTP ${error.message}`;
  }
  return `HTTP ${String(error)}`;
}
