import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LineConfig, UpsConfig } from '@shared/monitors/config';
import {
  runDoctor,
  type DoctorDeps,
  type DoctorPolicy,
  type PolicyParseResult,
} from '../../src/doctor/doctor';
import { formatTable } from '../../src/doctor/format';
import { parseArgs } from '../../src/doctor/run-cli';

/**
 * The doctor core with a local stand-in for parseSitePolicy, so these tests pin the core's behaviour whatever the
 * real policy module does. The real parser is exercised end to end in doctor-cli.nut.test.ts.
 */
const StandInPolicy = z
  .object({
    ups: z.array(UpsConfig).default([]),
    lines: z.array(LineConfig).default([]),
    central: z.object({ url: z.string().optional() }).default({}),
  })
  .strict();
function standInParse(input: unknown): PolicyParseResult<z.infer<typeof StandInPolicy>> {
  const parsed = StandInPolicy.safeParse(input);
  if (parsed.success) return { ok: true, policy: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  };
}

const policy = {
  central: { url: 'http://central.test' },
  ups: [{ name: 'Hall UPS', host: '10.0.0.9', upsName: 'hall' }],
  lines: [{ name: 'PBX', probe: 'sip-options', target: '10.0.0.5:5060' }],
};

function deps(
  overrides: Partial<DoctorDeps<DoctorPolicy>> = {},
  text = JSON.stringify(policy),
): DoctorDeps<DoctorPolicy> {
  return {
    policyText: text,
    parsePolicy: standInParse,
    checkCentral: async () => ({ ok: true, detail: 'healthy' }),
    checkUps: async () => ({ ok: true, detail: 'OL', status: 'OL', onBattery: false, batteryCharge: 100 }),
    checkLine: async () => ({ ok: true, detail: 'up', latencyMs: 3 }),
    ...overrides,
  };
}

describe('doctor core (stand-in policy parser)', () => {
  it('all checks pass → exit 0, one check per peer, UPS fields included', async () => {
    const { report, exitCode } = await runDoctor(deps());
    expect(exitCode).toBe(0);
    expect(report.ok).toBe(true);
    expect(report.checks.map((c) => [c.kind, c.name, c.ok])).toEqual([
      ['policy', 'policy', true],
      ['central', 'central', true],
      ['ups', 'Hall UPS', true],
      ['line', 'PBX', true],
    ]);
    expect(report.checks[2]).toMatchObject({ status: 'OL', onBattery: false, batteryCharge: 100 });
  });

  it('the port default applies before the UPS check sees the config', async () => {
    const seen: UpsConfig[] = [];
    await runDoctor(
      deps({
        checkUps: async (ups) => {
          seen.push(ups);
          return { ok: true, detail: '', status: 'OL', onBattery: false, batteryCharge: null };
        },
      }),
    );
    expect(seen[0]?.port).toBe(3493);
  });

  it('an invalid policy → exit 2 with the key path, and nothing is contacted', async () => {
    let contacted = false;
    const touch = async () => {
      contacted = true;
      return { ok: true, detail: '' };
    };
    const bad = { ...policy, ups: [{ ...policy.ups[0], port: 70000 }] };
    const { report, exitCode } = await runDoctor(
      deps(
        { checkCentral: touch, checkLine: async () => ({ ...(await touch()), latencyMs: null }) },
        JSON.stringify(bad),
      ),
    );
    expect(exitCode).toBe(2);
    expect(contacted).toBe(false);
    expect(report).toMatchObject({ ok: false, checks: [{ kind: 'policy', ok: false }] });
    const check = report.checks[0];
    expect(check?.kind === 'policy' && check.errors?.map((e) => e.path)).toEqual(['ups.0.port']);
    expect(check?.detail).toMatch(/^invalid: ups\.0\.port: /);
  });

  it('a file that is not JSON → exit 2', async () => {
    const { report, exitCode } = await runDoctor(deps({}, '{ "ups": [ '));
    expect(exitCode).toBe(2);
    expect(report.checks[0]?.detail).toMatch(/^invalid: \(root\): not valid JSON/);
  });

  it('a policy with only ups and lines: central is skipped, not failed', async () => {
    const { report, exitCode } = await runDoctor(
      deps({}, JSON.stringify({ ups: policy.ups, lines: policy.lines })),
    );
    expect(exitCode).toBe(0);
    expect(report.checks[1]).toMatchObject({ kind: 'central', ok: true, skipped: true });
  });

  it('one failing or throwing check → exit 1, the others still reported', async () => {
    const { report, exitCode } = await runDoctor(
      deps({
        checkUps: async () => {
          throw new Error('socket exploded');
        },
        checkLine: async () => ({ ok: false, detail: 'no SIP answer', latencyMs: null }),
      }),
    );
    expect(exitCode).toBe(1);
    expect(report.ok).toBe(false);
    expect(report.checks[2]).toMatchObject({
      kind: 'ups',
      ok: false,
      detail: 'socket exploded',
      status: null,
    });
    expect(report.checks[3]).toMatchObject({ kind: 'line', ok: false });
    expect(report.checks[1]).toMatchObject({ kind: 'central', ok: true });
  });

  it('prints a table with a result per check and a summary', async () => {
    const { report } = await runDoctor(
      deps({
        checkUps: async () => ({ ok: true, detail: 'OB', status: 'OB', onBattery: true, batteryCharge: 55 }),
      }),
    );
    const table = formatTable(report);
    expect(table.split('\n')[0]).toMatch(/^RESULT\s+KIND\s+NAME\s+DETAIL$/);
    expect(table).toMatch(/OK\s+ups\s+Hall UPS\s+OB \[ON BATTERY\]/);
    expect(table).toContain('All checks passed.');
  });

  it('parses its arguments', () => {
    expect(parseArgs(['--policy', 'p.json', '--json'])).toEqual({ policyFile: 'p.json', json: true });
    expect(parseArgs(['--policy=p.json'])).toEqual({ policyFile: 'p.json', json: false });
    expect(parseArgs([])).toEqual({ error: '--policy FILE is required' });
    expect(parseArgs(['--policy', 'p.json', '--frobnicate'])).toEqual({
      error: 'unknown argument: --frobnicate',
    });
  });
});
