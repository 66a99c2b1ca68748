import { spawnSync } from 'node:child_process';

/**
 * `npm run bench`: every benchmark, each printing its own figures (not asserted). Run on an otherwise idle machine;
 * figures from a 2-core box with other work running are noisy.
 */
const benches: [string, string[]][] = [
  ['central API sync (PGlite, PostgreSQL if installed)', ['tsx', 'bench/server-sync.ts']],
];

let failed = 0;
for (const [label, args] of benches) {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync('npx', args, { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
