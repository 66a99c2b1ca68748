import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventName, EventPayload } from '@shared/ipc/contract';
import { createDispatcher } from '@shared/ipc/dispatcher';
import { fail } from '@shared/ipc/result';
import { SOCKET_PATH, SocketInvoke } from '@shared/ipc/socket-protocol';
import { cacheControlFor, MIME } from '../main/security/app-origin';
import { createHandlers, forwardEvents, type MainServices } from '../main/services/handlers';

/** A request handler for the renderer's files: static from a build folder, or Vite's dev middleware. */
export type RendererMiddleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

export interface HarnessOptions {
  services: MainServices;
  /** Loopback only: the harness is a development tool and refuses anything else. */
  host?: '127.0.0.1' | 'localhost' | '::1';
  port?: number;
  /** Serves a built renderer (out/renderer) … */
  staticDir?: string;
  /** … or a Vite dev server's middlewares. */
  middleware?: RendererMiddleware;
  /** Extra routes under /__harness/ that tests use to inject conditions (network down, …). */
  control?: (path: string, body: unknown) => unknown;
}

export interface Harness {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const host = options.host ?? '127.0.0.1';
  const dispatch = createDispatcher(createHandlers(options.services), (channel, error) =>
    console.error(`[harness] ${channel} failed:`, error),
  );

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://harness');
    if (url.pathname.startsWith('/__harness/') && options.control) {
      void handleControl(req, res, url.pathname.slice('/__harness/'.length), options.control);
      return;
    }
    if (options.middleware) {
      options.middleware(req, res, () => notFound(res));
      return;
    }
    if (options.staticDir) serveStatic(options.staticDir, url.pathname, res);
    else notFound(res);
  });

  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: 256 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://harness');
    // Only pages served by this harness may drive the services (no cross-site WebSocket hijacking).
    const origin = req.headers.origin;
    const expected = `http://${req.headers.host ?? ''}`;
    if (url.pathname !== SOCKET_PATH || origin !== expected) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  wss.on('connection', (ws) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    ws.on('message', (data) => {
      void (async () => {
        let frame: SocketInvoke;
        try {
          frame = SocketInvoke.parse(JSON.parse(String(data)));
        } catch {
          return; // Not a frame of ours: nothing to answer to.
        }
        const result = await dispatch(frame.channel, frame.request).catch((error: unknown) =>
          fail('internal', String(error)),
        );
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: 'result', id: frame.id, result }));
      })();
    });
  });

  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    const frame = JSON.stringify({ type: 'event', event, payload });
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(frame);
  };
  const stopForwarding = forwardEvents(options.services, emit);

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolvePromise());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${host === '::1' ? '[::1]' : host}:${port}/`;

  return {
    url,
    server,
    async close() {
      stopForwarding();
      for (const ws of sockets) ws.terminate();
      wss.close();
      const closed = new Promise<void>((done) => server.close(() => done()));
      // A browser keeps idle keep-alive connections open; without this, close waits for them to time out.
      server.closeAllConnections();
      await closed;
    },
  };
}

function serveStatic(root: string, pathname: string, res: ServerResponse): void {
  const base = resolve(root);
  const requested = normalize(join(base, decodeURIComponent(pathname)));
  if (requested !== base && !requested.startsWith(base + sep)) return notFound(res);
  let file = requested;
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(base, 'index.html');
  if (!existsSync(file)) return notFound(res);
  res.writeHead(200, {
    'content-type': MIME[extname(file)] ?? 'application/octet-stream',
    // As Electron's app:// serves them: hashed assets kept for good (and V8's code cache with them), the page never.
    'cache-control': cacheControlFor(relative(base, file).split(sep).join('/')),
  });
  createReadStream(file).pipe(res);
}

async function handleControl(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  control: NonNullable<HarnessOptions['control']>,
): Promise<void> {
  let body: unknown = undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    if (chunks.length) body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const result = await control(path, body);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(result ?? { ok: true }));
  } catch (error) {
    res.writeHead(400, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
  }
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('Not found');
}
