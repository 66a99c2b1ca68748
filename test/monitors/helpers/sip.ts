import { createSocket, type Socket } from 'node:dgram';

/** A UDP port that was free a moment ago on 127.0.0.1. */
export function freeUdpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => {
      const { port } = socket.address();
      socket.close(() => resolve(port));
    });
  });
}

export interface UdpPeer {
  port: number;
  received: string[];
  close(): Promise<void>;
}

/**
 * A UDP peer on 127.0.0.1. With `answer`, it replies to each SIP request as a UAS would (RFC 3261 §8.2.6:
 * copy Via, From, Call-ID and CSeq, add a To tag); without, it swallows everything, like a firewalled PBX.
 */
export async function udpPeer(answer?: { status: string; dropFirst?: number }): Promise<UdpPeer> {
  const socket: Socket = createSocket('udp4');
  const received: string[] = [];
  socket.on('message', (message, remote) => {
    const request = message.toString('utf8');
    received.push(request);
    if (!answer || received.length <= (answer.dropFirst ?? 0)) return;
    const headers = request.split('\r\n');
    const copy = (name: string) =>
      headers.filter((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`));
    const to = copy('To').map((line) => `${line};tag=uas1`);
    const response = [
      `SIP/2.0 ${answer.status}`,
      ...copy('Via'),
      ...copy('From'),
      ...to,
      ...copy('Call-ID'),
      ...copy('CSeq'),
      'Content-Length: 0',
      '',
      '',
    ].join('\r\n');
    socket.send(response, remote.port, remote.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    port: socket.address().port,
    received,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
