import { connect } from 'node:net';
import type { ProbeResult } from '@shared/monitors/line-status';
import { elapsedMs, parseHostPort } from './target';

/** Up when a TCP handshake completes; the connection is closed at once without sending anything. */
export function probeTcp(target: string, timeoutMs: number): Promise<ProbeResult> {
  const { host, port } = parseHostPort(target);
  const startedAt = process.hrtime.bigint();
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (result: ProbeResult) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(
      () => done({ result: 'down', latencyMs: null, detail: `no TCP answer in ${timeoutMs} ms` }),
      timeoutMs,
    );
    socket.once('connect', () =>
      done({ result: 'up', latencyMs: elapsedMs(startedAt), detail: `TCP connect to ${host}:${port}` }),
    );
    socket.once('error', (error: NodeJS.ErrnoException) =>
      done({ result: 'down', latencyMs: null, detail: `TCP ${error.code ?? error.message}` }),
    );
  });
}
