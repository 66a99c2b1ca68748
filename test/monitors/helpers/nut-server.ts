import { execFile, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findBinary, freePort, startChild, stopChild, waitFor } from './peers';

/**
 * A real upsd + dummy-ups pair in a temp folder, driven from a .dev file.
 * Debian's /sbin/upsd is a wrapper that exits unless nut.conf says standalone, so the real binaries under
 * /lib/nut are started directly, in the foreground, with NUT_CONFPATH/NUT_STATEPATH pointing at the temp folder.
 */
const UPSD = findBinary(['/lib/nut/upsd', '/usr/lib/nut/upsd', '/usr/sbin/upsd']);
const DUMMY = findBinary(['/lib/nut/dummy-ups', '/usr/lib/nut/dummy-ups', '/usr/libexec/nut/dummy-ups']);
const UPSC = findBinary(['/bin/upsc', '/usr/bin/upsc']);

export const nutInstalled = UPSD !== null && DUMMY !== null && UPSC !== null;
export const NUT_SKIP_MESSAGE = 'skipped: NUT (upsd/dummy-ups) not installed';

export const ADMIN = { username: 'floorguard', password: 'test-secret' } as const;

export type UpsVars = Record<string, string>;

export interface NutServer {
  port: number;
  upsName: string;
  dir: string;
  /** Rewrites the .dev file and waits until upsd serves the new ups.status. */
  setVars(vars: UpsVars): Promise<void>;
  stopUpsd(): Promise<void>;
  startUpsd(): Promise<void>;
  stop(): Promise<void>;
}

const execFileAsync = promisify(execFile);

function devFile(vars: UpsVars): string {
  return `${Object.entries(vars)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n')}\n`;
}

/** `-u root` because both daemons refuse to keep root otherwise and drop to a `nut` user that cannot read the temp dir. */
function userArgs(): string[] {
  return process.getuid?.() === 0 ? ['-u', 'root'] : [];
}

/** Reads variables with NUT's own upsc, so the helper does not depend on the client under test. */
export async function readVars(port: number, upsName: string): Promise<UpsVars> {
  if (!UPSC) throw new Error(NUT_SKIP_MESSAGE);
  const { stdout } = await execFileAsync(UPSC, [`${upsName}@127.0.0.1:${port}`], { timeout: 3000 });
  const vars: UpsVars = {};
  for (const line of stdout.split('\n')) {
    const colon = line.indexOf(': ');
    if (colon > 0) vars[line.slice(0, colon)] = line.slice(colon + 2);
  }
  return vars;
}

export async function startNut(initial: UpsVars, upsName = 'floorups'): Promise<NutServer> {
  if (!UPSD || !DUMMY) throw new Error(NUT_SKIP_MESSAGE);
  const upsd = UPSD;
  const dir = await mkdtemp(join(tmpdir(), 'floorguard-nut-'));
  const port = await freePort();
  const dev = join(dir, `${upsName}.dev`);
  const env = { NUT_CONFPATH: dir, NUT_STATEPATH: dir };
  await writeFile(dev, devFile(initial));
  // pollinterval 1: the driver notices a rewritten .dev file within a second.
  await writeFile(
    join(dir, 'ups.conf'),
    `[${upsName}]\n  driver = dummy-ups\n  port = ${dev}\n  pollinterval = 1\n`,
  );
  await writeFile(join(dir, 'upsd.conf'), `LISTEN 127.0.0.1 ${port}\n`);
  await writeFile(
    join(dir, 'upsd.users'),
    `[${ADMIN.username}]\n  password = ${ADMIN.password}\n  actions = SET\n  instcmds = ALL\n`,
  );
  await chmod(join(dir, 'upsd.users'), 0o600);

  let driver: ChildProcess | null = null;
  let server: ChildProcess | null = null;
  const started = startChild(DUMMY, ['-F', '-a', upsName, ...userArgs()], env);
  driver = started.child;

  const startUpsd = async () => {
    const run = startChild(upsd, ['-F', ...userArgs()], env);
    server = run.child;
    const child = run.child;
    // ups.status reads WAIT (or upsd answers DATA-STALE) until the driver's first update reaches upsd.
    await waitFor(`upsd on ${port} (${run.output()})`, async () => {
      if (child.exitCode !== null) throw new Error(`upsd exited: ${run.output()}`);
      const status = (await readVars(port, upsName))['ups.status'];
      return status && status !== 'WAIT' ? status : undefined;
    });
  };

  try {
    await startUpsd();
  } catch (error) {
    await stopChild(driver);
    if (server) await stopChild(server);
    await rm(dir, { recursive: true, force: true });
    throw new Error(`${String(error)}\ndriver output: ${started.output()}`, { cause: error });
  }

  return {
    port,
    upsName,
    dir,
    async setVars(vars) {
      const before = await stat(dev);
      await writeFile(dev, devFile(vars));
      // dummy-ups re-reads the file only when its mtime moves by whole seconds; set it ahead explicitly.
      const next = new Date(Math.floor(before.mtimeMs / 1000) * 1000 + 2000);
      await utimes(dev, next, next);
      await waitFor(`upsd to serve ${JSON.stringify(vars)}`, async () => {
        const served = await readVars(port, upsName);
        return Object.entries(vars).every(([name, value]) => served[name] === value) ? true : undefined;
      });
    },
    async stopUpsd() {
      if (server) await stopChild(server);
      server = null;
    },
    startUpsd,
    async stop() {
      if (server) await stopChild(server);
      if (driver) await stopChild(driver);
      server = null;
      driver = null;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
