import { lookup } from 'node:dns/promises';
import type { ProbeResult } from '@shared/monitors/line-status';
import { elapsedMs } from './target';

/**
 * Resolves the name the way every other program on the seat does (getaddrinfo: hosts file, then DNS), so "up"
 * means the seat's applications can resolve it too. getaddrinfo has no timeout of its own, hence the race; a
 * lookup that loses the race finishes in the background and is ignored.
 */
export async function probeDns(target: string, timeoutMs: number): Promise<ProbeResult> {
  const startedAt = process.hrtime.bigint();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<ProbeResult>((resolve) => {
    timer = setTimeout(
      () => resolve({ result: 'down', latencyMs: null, detail: `no DNS answer in ${timeoutMs} ms` }),
      timeoutMs,
    );
  });
  const resolved = lookup(target, { all: true }).then(
    (addresses): ProbeResult => ({
      result: addresses.length > 0 ? 'up' : 'down',
      latencyMs: elapsedMs(startedAt),
      detail:
        addresses.length > 0 ? `resolves to ${addresses.map((a) => a.address).join(', ')}` : 'no addresses',
    }),
    (error: NodeJS.ErrnoException): ProbeResult => ({
      result: 'down',
      latencyMs: null,
      detail: `DNS ${error.code ?? error.message}`,
    }),
  );
  try {
    return await Promise.race([resolved, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
