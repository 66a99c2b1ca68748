import { createServer, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { backoffDelay } from '../../src/main/services/power/backoff';
import { connectNut } from '../../src/main/services/power/nut-client';
import {
  formatCommand,
  NutError,
  NutTransportError,
  parseErrLine,
  parseVarLine,
  quoteElement,
  tokenize,
} from '../../src/main/services/power/nut-protocol';
import { freePort } from './helpers/peers';

describe('NUT protocol text', () => {
  it('quotes only what needs quoting and escapes quotes and backslashes', () => {
    expect(quoteElement('ups.status')).toBe('ups.status');
    expect(quoteElement('pa ss"w\\d')).toBe('"pa ss\\"w\\\\d"');
    expect(quoteElement('')).toBe('""');
    expect(formatCommand('GET', 'VAR', 'hall', 'ups.status')).toBe('GET VAR hall ups.status\n');
  });

  it('refuses line breaks, which would inject a second command', () => {
    expect(() => formatCommand('PASSWORD', 'x\nSET VAR hall ups.status OB')).toThrow(TypeError);
  });

  it('tokenizes quoted values with escapes', () => {
    expect(tokenize('VAR hall device.mfr "Acme \\"Power\\" \\\\ Co"')).toEqual([
      'VAR',
      'hall',
      'device.mfr',
      'Acme "Power" \\ Co',
    ]);
    expect(tokenize('VAR hall x ""')).toEqual(['VAR', 'hall', 'x', '']);
    expect(() => tokenize('VAR hall x "open')).toThrow(NutTransportError);
  });

  it('parses VAR and ERR lines', () => {
    expect(parseVarLine('VAR hall ups.status "OB LB"', 'hall')).toEqual({
      name: 'ups.status',
      value: 'OB LB',
    });
    expect(parseVarLine('VAR other ups.status "OL"', 'hall')).toBeNull();
    const err = parseErrLine('ERR ACCESS-DENIED');
    expect(err).toBeInstanceOf(NutError);
    expect(err?.code).toBe('ACCESS-DENIED');
    expect(parseErrLine('ERR UNKNOWN-COMMAND "extra words"')?.extra).toBe('extra words');
    expect(parseErrLine('VAR hall x "ERR"')).toBeNull();
  });

  it('backs off exponentially up to the cap', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelay(n, { initialMs: 500, maxMs: 10_000 }));
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000]);
  });
});

/** A scripted upsd stand-in: answers each received line with whatever `reply` returns, written as given. */
async function scriptedPeer(reply: (line: string, socket: Socket) => void): Promise<Peer> {
  const port = await freePort();
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let buffer = '';
    socket.on('data', (chunk) => {
      buffer += chunk.toString();
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        reply(buffer.slice(0, newline), socket);
        buffer = buffer.slice(newline + 1);
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const close = async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  };
  return { port, close };
}

interface Peer {
  port: number;
  close(): Promise<void>;
}

describe('NUT client edge cases (scripted TCP peer)', () => {
  let server: Peer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('reassembles replies split mid-line and across lines, with CRLF', async () => {
    const peer = await scriptedPeer((line, socket) => {
      if (line !== 'LIST VAR hall') return;
      const reply =
        'BEGIN LIST VAR hall\r\nVAR hall ups.status "OB DISCHRG"\r\nVAR hall battery.charge "55"\r\nEND LIST VAR hall\r\n';
      // Dribble the reply out a few bytes at a time.
      let offset = 0;
      const timer = setInterval(() => {
        socket.write(reply.slice(offset, offset + 7));
        offset += 7;
        if (offset >= reply.length) clearInterval(timer);
      }, 2);
    });
    server = peer;
    const connection = await connectNut({ host: '127.0.0.1', port: peer.port, timeoutMs: 2000 });
    const vars = await connection.listVar('hall');
    expect([...vars]).toEqual([
      ['ups.status', 'OB DISCHRG'],
      ['battery.charge', '55'],
    ]);
    connection.close();
  });

  it('answers commands in order when several are queued at once', async () => {
    const peer = await scriptedPeer((line, socket) => {
      const [, , , name] = line.split(' ');
      socket.write(`VAR hall ${name} "${name}-value"\n`);
    });
    server = peer;
    const connection = await connectNut({ host: '127.0.0.1', port: peer.port });
    const values = await Promise.all(['a', 'b', 'c'].map((name) => connection.getVar('hall', name)));
    expect(values).toEqual(['a-value', 'b-value', 'c-value']);
    connection.close();
  });

  it('rejects an ERR reply with its code and keeps the connection usable', async () => {
    const peer = await scriptedPeer((line, socket) => {
      socket.write(line.includes('secret') ? 'ERR ACCESS-DENIED\n' : 'VAR hall ups.status "OL"\n');
    });
    server = peer;
    const connection = await connectNut({ host: '127.0.0.1', port: peer.port });
    await expect(connection.getVar('hall', 'secret')).rejects.toMatchObject({
      name: 'NutError',
      code: 'ACCESS-DENIED',
    });
    expect(await connection.getVar('hall', 'ups.status')).toBe('OL');
    connection.close();
  });

  it('times out a reply that never completes, and fails the commands queued behind it', async () => {
    const peer = await scriptedPeer((_line, socket) => socket.write('BEGIN LIST VAR hall\n'));
    server = peer;
    const connection = await connectNut({ host: '127.0.0.1', port: peer.port, timeoutMs: 300 });
    const first = connection.listVar('hall');
    const second = connection.getVar('hall', 'ups.status');
    await expect(first).rejects.toThrow(/no complete reply to LIST VAR hall/);
    await expect(second).rejects.toBeInstanceOf(NutTransportError);
    expect(connection.closed).toBe(true);
  });

  it('fails pending commands when the peer hangs up, and on garbage', async () => {
    const peer = await scriptedPeer((line, socket) => {
      if (line.startsWith('GET')) socket.end();
      else socket.write('HELLO THERE\n');
    });
    server = peer;
    const first = await connectNut({ host: '127.0.0.1', port: peer.port });
    await expect(first.getVar('hall', 'ups.status')).rejects.toThrow(/closed/);
    const second = await connectNut({ host: '127.0.0.1', port: peer.port });
    await expect(second.listVar('hall')).rejects.toThrow(/expected BEGIN LIST VAR/);
  });

  it('reports a refused connection as a transport error', async () => {
    const port = await freePort();
    await expect(connectNut({ host: '127.0.0.1', port, timeoutMs: 1000 })).rejects.toThrow(/ECONNREFUSED/);
  });
});
