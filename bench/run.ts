import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * `npm run bench`: every benchmark, each printing its own figures (not asserted). Run on an otherwise idle machine;
 * figures from a 2-core box with other work running are noisy.
 *
 * The call-sheet bench serves a renderer build of its own (out/renderer-bench), so it never measures a stale build
 * nor disturbs out/renderer, which the e2e suite may be using.
 */
const RENDERER_DIR = 'out/renderer-bench';

function step(label: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n=== ${label} ===`);
  return spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, ...env } }).status === 0;
}

let failed = 0;
const built = step(`renderer build for the call-sheet bench (${RENDERER_DIR})`, [
  'vite',
  'build',
  '-c',
  'vite.renderer.config.ts',
  '--outDir',
  // Absolute: Vite resolves a relative outDir against the renderer's root (src/renderer).
  resolve(RENDERER_DIR),
  '--emptyOutDir',
]);
if (!built) {
  failed++;
  console.error(
    'renderer build failed: the call-sheet bench is skipped (it would measure an old build or none)',
  );
} else if (
  !step(
    'call sheet (Chromium + browser harness): save latency, first rows, search, heap',
    ['tsx', 'bench/call-sheet.e2e.ts'],
    {
      FLOORGUARD_RENDERER_DIR: RENDERER_DIR,
    },
  )
) {
  failed++;
}
if (!step('central API sync (PGlite, PostgreSQL if installed)', ['tsx', 'bench/server-sync.ts'])) failed++;
process.exit(failed ? 1 : 0);
