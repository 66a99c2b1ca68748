import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nutInstalled, NUT_SKIP_MESSAGE, startNut, type NutServer } from './helpers/nut-server';
import { freePort } from './helpers/peers';

if (!nutInstalled) console.log(NUT_SKIP_MESSAGE);

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the doctor exactly as IT would: `npx tsx src/doctor/cli.ts …`, as a child process, bounded in time. */
function doctor(args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'src/doctor/cli.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`doctor did not finish in 30 s: ${stdout}${stderr}`));
    }, 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

interface JsonCheck {
  name: string;
  kind: string;
  ok: boolean;
  detail: string;
  status?: string | null;
  onBattery?: boolean;
  batteryCharge?: number | null;
}

describe.skipIf(!nutInstalled)(
  'doctor CLI end to end (real upsd, real HTTP and TCP peers)',
  { timeout: 60_000 },
  () => {
    let nut: NutServer;
    let central: Server;
    let pbx: TcpServer;
    let centralUrl: string;
    let pbxPort: number;
    let dir: string;

    const policyFile = async (name: string, policy: unknown) => {
      const path = join(dir, name);
      await writeFile(path, JSON.stringify(policy, null, 2));
      return path;
    };
    const goodPolicy = () => ({
      central: { url: centralUrl },
      ups: [{ name: 'Hall UPS', host: '127.0.0.1', port: nut.port, upsName: nut.upsName }],
      lines: [{ name: 'PBX', probe: 'tcp', target: `127.0.0.1:${pbxPort}`, timeoutMs: 1000 }],
    });

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'floorguard-doctor-'));
      nut = await startNut({ 'ups.status': 'OB DISCHRG', 'battery.charge': '55', 'battery.runtime': '1200' });
      central = createServer((request, response) => {
        const healthy = request.url === '/v1/health';
        response.writeHead(healthy ? 200 : 404, { 'content-type': 'application/json' });
        response.end(JSON.stringify(healthy ? { status: 'ok' } : { error: 'not found' }));
      });
      await new Promise<void>((resolve) => central.listen(0, '127.0.0.1', resolve));
      const centralAddress = central.address();
      centralUrl = `http://127.0.0.1:${typeof centralAddress === 'object' && centralAddress ? centralAddress.port : 0}`;
      pbx = createTcpServer((socket) => socket.destroy());
      await new Promise<void>((resolve) => pbx.listen(0, '127.0.0.1', resolve));
      const pbxAddress = pbx.address();
      pbxPort = typeof pbxAddress === 'object' && pbxAddress ? pbxAddress.port : 0;
    });

    afterAll(async () => {
      await nut?.stop();
      central?.closeAllConnections();
      await new Promise((resolve) => (central ? central.close(resolve) : resolve(undefined)));
      await new Promise((resolve) => (pbx ? pbx.close(resolve) : resolve(undefined)));
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('everything reachable → exit 0, JSON with the UPS status fields', async () => {
      const run = await doctor(['--policy', await policyFile('good.json', goodPolicy()), '--json']);
      expect(run.code, run.stderr).toBe(0);
      const report = JSON.parse(run.stdout) as { ok: boolean; checks: JsonCheck[] };
      expect(report.ok).toBe(true);
      expect(report.checks.map((c) => c.kind)).toEqual(['policy', 'central', 'ups', 'line']);
      expect(report.checks.find((c) => c.kind === 'ups')).toMatchObject({
        name: 'Hall UPS',
        ok: true,
        status: 'OB DISCHRG',
        onBattery: true,
        batteryCharge: 55,
      });
    });

    it('a policy with only ups and lines, as a table → exit 0', async () => {
      const { ups, lines } = goodPolicy();
      const onlyUpsAndLines = { ups, lines };
      const run = await doctor(['--policy', await policyFile('minimal.json', onlyUpsAndLines)]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/SKIP\s+central/);
      expect(run.stdout).toMatch(/OK\s+ups\s+Hall UPS/);
      expect(run.stdout).toContain('All checks passed.');
    });

    it('an unknown UPS name, a dead line and a wrong central URL → exit 1, each reported', async () => {
      const closedPort = await freePort();
      const policy = {
        central: { url: `${centralUrl}/wrong-prefix` },
        ups: [{ name: 'Ghost UPS', host: '127.0.0.1', port: nut.port, upsName: 'no-such-ups' }],
        lines: [{ name: 'Backup trunk', probe: 'tcp', target: `127.0.0.1:${closedPort}`, timeoutMs: 1000 }],
      };
      const run = await doctor(['--policy', await policyFile('bad-peers.json', policy), '--json']);
      expect(run.code, run.stderr).toBe(1);
      const report = JSON.parse(run.stdout) as { ok: boolean; checks: JsonCheck[] };
      expect(report.ok).toBe(false);
      expect(report.checks.map((c) => [c.kind, c.ok])).toEqual([
        ['policy', true],
        ['central', false],
        ['ups', false],
        ['line', false],
      ]);
      expect(report.checks[1]?.detail).toContain('HTTP 404');
      expect(report.checks[2]?.detail).toContain('UNKNOWN-UPS');
      expect(report.checks[3]?.detail).toContain('ECONNREFUSED');
    });

    it('an invalid policy → exit 2 naming the key path, as JSON and as text', async () => {
      const bad = goodPolicy();
      const path = await policyFile('invalid.json', {
        ...bad,
        ups: [{ ...bad.ups[0], port: 'three-four-nine-three' }],
      });
      const json = await doctor(['--policy', path, '--json']);
      expect(json.code).toBe(2);
      const report = JSON.parse(json.stdout) as {
        ok: boolean;
        checks: (JsonCheck & { errors: { path: string }[] })[];
      };
      expect(report.ok).toBe(false);
      expect(report.checks[0]?.errors.map((e) => e.path)).toContain('ups.0.port');
      const text = await doctor(['--policy', path]);
      expect(text.code).toBe(2);
      expect(text.stdout).toMatch(/FAIL\s+policy\s+policy\s+invalid: .*ups\.0\.port/);
    });

    it('a missing file or missing --policy → exit 2 with a usage message', async () => {
      const missing = await doctor(['--policy', join(dir, 'nope.json')]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('cannot read');
      const usage = await doctor([]);
      expect(usage.code).toBe(2);
      expect(usage.stderr).toContain('usage: doctor --policy FILE [--json]');
    });
  },
);
