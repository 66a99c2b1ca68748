import { createSocket } from 'node:dgram';
import { isIPv6 } from 'node:net';
import type { ProbeResult } from '@shared/monitors/line-status';
import { buildSipOptions, newSipIds, parseSipResponse } from './sip-message';
import { elapsedMs, parseHostPort } from './target';

/** RFC 3261 timer T1: UDP requests are retransmitted at T1, 2·T1, 4·T1… until the probe's timeout. */
const T1_MS = 500;

/**
 * Sends a SIP OPTIONS over UDP; any SIP response (even 4xx/5xx, e.g. 404 or 403 from a proxy that does not
 * know us) proves the SIP server is reachable, so it counts as up. The socket is connected to the target so the
 * kernel picks the right local address for Via/Contact and reports ICMP "port unreachable" as an error.
 */
export function probeSipOptions(target: string, timeoutMs: number): Promise<ProbeResult> {
  const { host, port } = parseHostPort(target, 5060);
  const ids = newSipIds();
  const socket = createSocket(isIPv6(host) ? 'udp6' : 'udp4');
  const startedAt = process.hrtime.bigint();

  return new Promise<ProbeResult>((resolve) => {
    let retransmit: NodeJS.Timeout | undefined;
    let finished = false;
    const done = (result: ProbeResult) => {
      if (finished) return;
      finished = true;
      clearTimeout(deadline);
      clearTimeout(retransmit);
      try {
        socket.close();
      } catch {
        // Already closed by a failed connect; nothing left to release.
      }
      resolve(result);
    };
    const deadline = setTimeout(
      () => done({ result: 'down', latencyMs: null, detail: `no SIP answer in ${timeoutMs} ms` }),
      timeoutMs,
    );

    socket.on('error', (error: NodeJS.ErrnoException) =>
      done({ result: 'down', latencyMs: null, detail: `SIP ${error.code ?? error.message}` }),
    );
    socket.on('message', (message) => {
      const response = parseSipResponse(message.toString('utf8'), ids);
      if (!response) return;
      done({
        result: 'up',
        latencyMs: elapsedMs(startedAt),
        detail: `SIP ${response.status} ${response.reason}`.trim(),
      });
    });

    socket.connect(port, host, () => {
      const local = socket.address();
      const request = Buffer.from(
        buildSipOptions({
          targetHost: host,
          targetPort: port,
          localHost: local.address,
          localPort: local.port,
          ids,
        }),
      );
      let interval = T1_MS;
      const send = () => {
        if (finished) return;
        socket.send(request);
        retransmit = setTimeout(send, interval);
        interval *= 2;
      };
      send();
    });
  });
}
