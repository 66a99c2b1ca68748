import { readFile } from 'node:fs/promises';
import { checkCentral, checkLine, checkUps } from './checks';
import { runDoctor, type DoctorExitCode, type DoctorPolicy, type PolicyParseResult } from './doctor';
import { formatTable } from './format';

const USAGE = 'usage: doctor --policy FILE [--json]';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export function parseArgs(
  argv: readonly string[],
): { policyFile: string; json: boolean } | { error: string } {
  let policyFile: string | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') json = true;
    else if (arg === '--policy') policyFile = argv[++i];
    else if (arg?.startsWith('--policy=')) policyFile = arg.slice('--policy='.length);
    else return { error: `unknown argument: ${arg}` };
  }
  if (!policyFile) return { error: '--policy FILE is required' };
  return { policyFile, json };
}

/** The whole command minus process globals, so the entry file stays a two-liner. */
export async function runCli<P extends DoctorPolicy>(
  argv: readonly string[],
  parsePolicy: (input: unknown) => PolicyParseResult<P>,
  io: CliIo,
): Promise<DoctorExitCode> {
  const args = parseArgs(argv);
  if ('error' in args) {
    io.stderr(`${args.error}\n${USAGE}\n`);
    return 2;
  }
  let policyText: string;
  try {
    policyText = await readFile(args.policyFile, 'utf8');
  } catch (error) {
    io.stderr(`cannot read ${args.policyFile}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const { report, exitCode } = await runDoctor({
    policyText,
    parsePolicy,
    checkCentral: (url) => checkCentral(url),
    checkUps: (ups) => checkUps(ups),
    checkLine: (line) => checkLine(line),
  });
  io.stdout(args.json ? `${JSON.stringify(report, null, 2)}\n` : formatTable(report));
  return exitCode;
}
