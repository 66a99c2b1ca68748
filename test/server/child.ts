import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { ADMIN_TOKEN } from './helpers';

const ROOT = resolve(import.meta.dirname, '../..');

export interface ChildServer {
  url: string;
  process: ChildProcess;
  /** Resolves when a log line matches. */
  waitForLog(pattern: RegExp, timeoutMs?: number): Promise<void>;
  kill(): Promise<void>;
}

/** The server exactly as deployed (`tsx server/cli.ts`), on 127.0.0.1 and a free port. */
export async function startChild(options: {
  dataDir?: string;
  databaseUrl?: string;
  env?: Record<string, string>;
}): Promise<ChildServer> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'server/cli.ts',
      '--host',
      '127.0.0.1',
      '--port',
      '0',
      '--data',
      options.dataDir ?? 'unused',
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        FLOORGUARD_ADMIN_TOKEN: ADMIN_TOKEN,
        FLOORGUARD_RATE_LIMIT: '0',
        DATABASE_URL: options.databaseUrl ?? '',
        LOG_LEVEL: 'info',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  const onData = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    for (const waiter of [...waiters]) {
      if (waiter.pattern.test(output)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));

  const waitForLog = (pattern: RegExp, timeoutMs = 60_000) =>
    new Promise<void>((done, fail) => {
      if (pattern.test(output)) return done();
      const timer = setTimeout(
        () => fail(new Error(`timed out waiting for ${pattern}; output:\n${output.slice(-2000)}`)),
        timeoutMs,
      );
      waiters.push({ pattern, resolve: () => (clearTimeout(timer), done()) });
      void exited.then(() => fail(new Error(`server exited; output:\n${output.slice(-2000)}`)));
    });

  await waitForLog(/"msg":"floorguard central API listening"/);
  const url = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(output)?.[1];
  if (!url) throw new Error(`no listening url in output:\n${output}`);
  return {
    url,
    process: child,
    waitForLog,
    async kill() {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
