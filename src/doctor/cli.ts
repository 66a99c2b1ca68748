/**
 * Install-time doctor: `tsx src/doctor/cli.ts --policy FILE [--json]`.
 * Exit 0 all checks pass, 1 a check failed, 2 the policy (or the command line) is unusable.
 */
import { parseSitePolicy } from '@shared/policy';
import { runCli } from './run-cli';

process.exitCode = await runCli(process.argv.slice(2), parseSitePolicy, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
