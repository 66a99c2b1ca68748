import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { earlyOpenScript } from './src/renderer/boot/early-open-script';
import { DB_NAME } from './src/renderer/data/db-name';

/**
 * In dev mode the React refresh preamble is an inline script, which the strict CSP forbids.
 * Only the dev server relaxes it; production builds keep `script-src 'self'`.
 */
const relaxCspInDev: Plugin = {
  name: 'floorguard:dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
};

/**
 * The boot entry (src/renderer/boot/start.ts) and the two small modules it shares with the app: a chunk of their own,
 * loaded and run while the start chunk is still loading, never merged into it.
 */
const BOOT_MODULES =
  /[\\/]src[\\/]renderer[\\/](boot[\\/]|data[\\/]db-name\.ts$|features[\\/]calls[\\/]short-date-time\.ts$)/;

/**
 * The built page loads the boot chunk first, as a module script of its own: it starts (and draws the first rows)
 * while the start chunk is still being fetched and compiled. The app's entry imports it too, so the app's code is
 * evaluated only once the boot code's top-level await is done. In dev mode the app's import alone runs it.
 * Ahead of both, an inline script opens the seat's database while the page is parsed (early-open.ts), allowed by its
 * SHA-256 in the CSP — `script-src` stays without 'unsafe-inline'.
 */
const loadBootFirst: Plugin = {
  name: 'floorguard:boot-first',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler(html, { bundle }) {
      const boot = Object.values(bundle ?? {}).find(
        (c) => c.type === 'chunk' && c.isEntry && c.name === 'boot',
      );
      if (!boot) throw new Error('the renderer build has no boot chunk');
      const tag = `<script type="module" crossorigin src="./${boot.fileName}"></script>`;
      const early = earlyOpenScript(DB_NAME);
      const hash = createHash('sha256').update(early).digest('base64');
      if (!html.includes("script-src 'self';"))
        throw new Error('index.html: no script-src to allow the inline script');
      return html
        .replace("script-src 'self';", `script-src 'self' 'sha256-${hash}';`)
        .replace(/(\s*)<script type="module"/, `$1<script>${early}</script>$1${tag}$1<script type="module"`);
    },
  },
};

/** The renderer build, shared by electron-vite and the browser harness's dev mode. */
export default defineConfig({
  root: resolve(import.meta.dirname, 'src/renderer'),
  base: './',
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'src/shared') } },
  plugins: [react(), relaxCspInDev, loadBootFirst],
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    target: 'chrome130',
    // Said outright: electron-vite's renderer default is not to minify, so the installer shipped a start chunk twice
    // the size of the one `npm run bench` and the e2e suite measure (vite's default) — more to parse and compile on
    // the first start after each update.
    minify: true,
    chunkSizeWarningLimit: 2500,
    rolldownOptions: {
      input: {
        index: resolve(import.meta.dirname, 'src/renderer/index.html'),
        boot: resolve(import.meta.dirname, 'src/renderer/boot/start.ts'),
      },
      // Three kinds of code (ADR 0009): the boot code that draws the first rows before the app; what the call
      // sheet's first frame needs, in one chunk with the entry (all of it is loaded at start anyway; many small
      // files only add requests); and the other pages and background duties, loaded after that frame.
      output: {
        codeSplitting: {
          groups: [
            { name: 'boot', test: BOOT_MODULES, priority: 1 },
            {
              name: 'start',
              tags: ['$initial'],
              test: (id) => !BOOT_MODULES.test(id),
              includeDependenciesRecursively: false,
            },
          ],
        },
        charset: 'ascii',
      },
    },
  },
});
