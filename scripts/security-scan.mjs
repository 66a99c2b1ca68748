import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Electronegativity over the Electron-facing source (main, preload, renderer HTML). Works offline (it only warns that it
 * cannot fetch Electron's release list). Fails on any HIGH finding; prints the others for review.
 */
const dir = mkdtempSync(join(tmpdir(), 'floorguard-eneg-'));
const csv = join(dir, 'findings.csv');
// The whole source at once: its global checks (navigation limits, permission handler, CSP) look across files.
const targets = ['src'];
const findings = [];
for (const target of targets) {
  const out = join(dir, `findings-${targets.indexOf(target)}.csv`);
  const run = spawnSync(
    'npx',
    ['electronegativity', '-i', target, '-o', out, '-v', 'false', '-e', '40.0.0'],
    {
      encoding: 'utf8',
    },
  );
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr);
    process.exit(1);
  }
  const rows = readFileSync(out, 'utf8').trim().split('\n').slice(1).filter(Boolean);
  for (const row of rows) {
    const [issue, severity, confidence, file, location] = row.split(',').map((c) => c.replace(/^"|"$/g, ''));
    findings.push({ issue, severity, confidence, file: file.replace(`${process.cwd()}/`, ''), location });
  }
}
writeFileSync(csv, JSON.stringify(findings, null, 2));
for (const f of findings)
  console.log(`${f.severity.padEnd(8)} ${f.issue.padEnd(28)} ${f.file}:${f.location}`);
const high = findings.filter((f) => f.severity === 'HIGH');
const report = process.env.FLOORGUARD_REPORT;
if (report)
  writeFileSync(
    report,
    JSON.stringify({
      stats: { expected: high.length ? 0 : 1, unexpected: high.length ? 1 : 0, skipped: 0, flaky: 0 },
    }),
  );
console.log(`electronegativity: ${findings.length} findings, ${high.length} high`);
process.exit(high.length ? 1 : 0);
