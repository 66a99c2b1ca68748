import { connect as netConnect, type Socket } from 'node:net';
import { formatCommand, NutTransportError, parseErrLine, parseVarLine } from './nut-protocol';

/** One TCP conversation with upsd. Commands run one at a time, in order, as the protocol expects. */
export interface NutConnection {
  login(username: string, password: string): Promise<void>;
  listVar(upsName: string): Promise<Map<string, string>>;
  getVar(upsName: string, variable: string): Promise<string>;
  /** Polite goodbye (`LOGOUT`), then close. Never throws. */
  logout(): Promise<void>;
  close(): void;
  readonly closed: boolean;
}

export interface NutConnectOptions {
  host: string;
  port: number;
  /** Applies to the TCP connect and to each command's complete reply. */
  timeoutMs?: number;
}

export type NutConnect = (options: NutConnectOptions) => Promise<NutConnection>;

/** upsd lines are short; a peer that sends more than this without a newline is not upsd. */
const MAX_LINE_CHARS = 64 * 1024;
/** Bounds a LIST reply, so a misbehaving peer cannot grow memory without end. */
const MAX_LIST_ITEMS = 10_000;

type Step<T> = { done: true; value: T } | { done: false };

interface Pending {
  command: string;
  onLine: (line: string) => Step<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export const connectNut: NutConnect = ({ host, port, timeoutMs = 3000 }) =>
  new Promise((resolve, reject) => {
    const socket = netConnect({ host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new NutTransportError(`connect to ${host}:${port} timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(new NutTransportError(`connect to ${host}:${port} failed: ${error.message}`));
    });
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(wrapSocket(socket, timeoutMs));
    });
  });

function wrapSocket(socket: Socket, timeoutMs: number): NutConnection {
  socket.setEncoding('utf8');
  socket.setNoDelay(true);
  const queue: Pending[] = [];
  let buffer = '';
  let closed = false;
  let timer: NodeJS.Timeout | null = null;

  function fail(error: Error): void {
    if (!closed) {
      closed = true;
      socket.destroy();
    }
    if (timer) clearTimeout(timer);
    timer = null;
    for (const pending of queue.splice(0)) pending.reject(error);
  }

  function startNext(): void {
    const next = queue[0];
    if (!next || closed) return;
    timer = setTimeout(
      () => fail(new NutTransportError(`no complete reply to ${next.command} in ${timeoutMs} ms`)),
      timeoutMs,
    );
    socket.write(next.command);
  }

  function onLine(line: string): void {
    const current = queue[0];
    // A line nobody asked for means we are out of step with upsd; carrying on would misattribute replies.
    if (!current) return fail(new NutTransportError(`unexpected line from upsd: ${line}`));
    let step: Step<unknown>;
    try {
      const err = parseErrLine(line);
      if (err) {
        finish();
        current.reject(err);
        return;
      }
      step = current.onLine(line);
    } catch (error) {
      return fail(error instanceof Error ? error : new NutTransportError(String(error)));
    }
    if (step.done) {
      finish();
      current.resolve(step.value);
    }
  }

  function finish(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    queue.shift();
    startNext();
  }

  socket.on('data', (chunk: string) => {
    buffer += chunk;
    let newline: number;
    // Replies may arrive split anywhere; only whole lines are handled.
    while (!closed && (newline = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, newline).replace(/\r$/, '');
      buffer = buffer.slice(newline + 1);
      onLine(line);
    }
    if (buffer.length > MAX_LINE_CHARS) fail(new NutTransportError('reply line too long'));
  });
  socket.on('error', (error) => fail(new NutTransportError(`connection error: ${error.message}`)));
  socket.on('close', () => fail(new NutTransportError('connection closed by upsd')));

  function request<T>(elements: string[], handle: (line: string) => Step<T>): Promise<T> {
    if (closed) return Promise.reject(new NutTransportError('connection is closed'));
    let command: string;
    try {
      command = formatCommand(...elements);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new TypeError(String(error)));
    }
    return new Promise<T>((resolve, reject) => {
      queue.push({ command, onLine: handle, resolve: resolve as (value: unknown) => void, reject });
      if (queue.length === 1) startNext();
    });
  }

  const expectOk = (line: string): Step<void> => {
    if (line === 'OK' || line.startsWith('OK ')) return { done: true, value: undefined };
    throw new NutTransportError(`expected OK, got: ${line}`);
  };

  const close = (): void => fail(new NutTransportError('connection closed by client'));

  return {
    get closed() {
      return closed;
    },
    async login(username, password) {
      await request(['USERNAME', username], expectOk);
      await request(['PASSWORD', password], expectOk);
    },
    listVar(upsName) {
      const vars = new Map<string, string>();
      let begun = false;
      return request(['LIST', 'VAR', upsName], (line): Step<Map<string, string>> => {
        if (!begun) {
          if (line !== `BEGIN LIST VAR ${upsName}`)
            throw new NutTransportError(`expected BEGIN LIST VAR, got: ${line}`);
          begun = true;
          return { done: false };
        }
        if (line === `END LIST VAR ${upsName}`) return { done: true, value: vars };
        const parsed = parseVarLine(line, upsName);
        if (!parsed) throw new NutTransportError(`unexpected line in LIST VAR: ${line}`);
        if (vars.size >= MAX_LIST_ITEMS) throw new NutTransportError('LIST VAR reply too long');
        vars.set(parsed.name, parsed.value);
        return { done: false };
      });
    },
    getVar(upsName, variable) {
      return request(['GET', 'VAR', upsName, variable], (line): Step<string> => {
        const parsed = parseVarLine(line, upsName);
        if (!parsed || parsed.name !== variable)
          throw new NutTransportError(`unexpected reply to GET VAR: ${line}`);
        return { done: true, value: parsed.value };
      });
    },
    async logout() {
      try {
        await request(['LOGOUT'], expectOk);
      } catch {
        // Best effort: the peer may already be gone, and we are leaving anyway.
      } finally {
        close();
      }
    },
    close,
  };
}
