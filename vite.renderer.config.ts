import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { rolldown } from 'rolldown';
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

const BOOT_PROGRAM = resolve(import.meta.dirname, 'src/renderer/boot/start.ts');

/** `text` as the content of an inline element, or an error if it would end that element early. */
function inlineable(text: string, tag: 'script' | 'style', what: string): string {
  if (new RegExp(`</${tag}`, 'i').test(text))
    throw new Error(`${what} contains "</${tag}": it cannot be inlined`);
  return text;
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** The boot program as one classic script, with everything it imports. */
async function bundleBootProgram(): Promise<string> {
  const build = await rolldown({
    input: BOOT_PROGRAM,
    platform: 'browser',
    resolve: { alias: { '@shared': resolve(import.meta.dirname, 'src/shared') } },
  });
  try {
    const { output } = await build.generate({ format: 'iife', minify: true });
    const [chunk, ...rest] = output;
    if (!chunk || rest.length > 0) throw new Error('the boot program must bundle into exactly one script');
    return chunk.code.trim();
  } finally {
    await build.close();
  }
}

/**
 * What a new window needs for its first frame is in index.html itself (ADR 0009): nothing is fetched before it.
 * - The boot program (src/renderer/boot/start.ts), bundled on its own and inlined at the end of the body: it runs
 *   while the page is parsed and paints the sheet as last drawn, with the newest rows, while the app's start chunk
 *   is still being fetched and compiled. A module script of its own had to wait for its fetch (three files, served
 *   one after another: ~60 ms in a traced new window) and for the style sheet's.
 * - The style sheet, inlined: the first frame needs it, and an external one holds up every script after it.
 * - Ahead of both, in the head, a script opens the seat's database while the page is parsed (early-open-script.ts).
 * Each is allowed by its SHA-256 in the CSP: `script-src` and `style-src` stay without 'unsafe-inline'.
 */
const inlineFirstFrame: Plugin = {
  name: 'floorguard:inline-first-frame',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    async handler(html, { bundle }) {
      if (!html.includes("script-src 'self';") || !html.includes("style-src 'self';"))
        throw new Error('index.html: no script-src or style-src to allow the inline scripts and style');
      const links = [...html.matchAll(/\s*<link rel="stylesheet"[^>]* href="\.\/([^"]+\.css)">/g)];
      const [link, ...moreLinks] = links;
      if (!link?.[1] || moreLinks.length > 0)
        throw new Error('index.html: expected exactly one style sheet link');
      if (!bundle) throw new Error('index.html: transformed without the build bundle');
      const sheet = bundle[link[1]];
      if (sheet?.type !== 'asset' || typeof sheet.source !== 'string')
        throw new Error(`index.html: ${link[1]} is not in the build`);
      // Inlined, the file is not needed: nothing else refers to it (the lazy chunks' own sheets are separate files).
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- how a plugin drops a file from the output
      delete bundle[link[1]];
      const css = inlineable(sheet.source.trim(), 'style', link[1]);
      const early = inlineable(earlyOpenScript(DB_NAME), 'script', 'the early-open script');
      const boot = inlineable(await bundleBootProgram(), 'script', 'the boot program');
      // Replaced by functions, not strings: a `$&` or `$1` in the code or the style sheet must stay as it is.
      return html
        .replace("script-src 'self';", () => `script-src 'self' ${sha256(early)} ${sha256(boot)};`)
        .replace("style-src 'self';", () => `style-src 'self' ${sha256(css)};`)
        .replace(link[0], () => '')
        .replace(
          /(\s*)<script type="module"/,
          (_, space: string) => `${space}<script>${early}</script>${space}<script type="module"`,
        )
        .replace('</title>', () => `</title>\n    <style>${css}</style>`)
        .replace(/(\s*)<\/body>/, (_, space: string) => `${space}  <script>${boot}</script>${space}</body>`);
    },
  },
};

/** The renderer build, shared by electron-vite and the browser harness's dev mode. */
export default defineConfig({
  root: resolve(import.meta.dirname, 'src/renderer'),
  base: './',
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'src/shared') } },
  plugins: [react(), relaxCspInDev, inlineFirstFrame],
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
      input: { index: resolve(import.meta.dirname, 'src/renderer/index.html') },
      // Three kinds of code (ADR 0009): the boot program, inlined in index.html (inlineFirstFrame); what the call
      // sheet's first frame needs, in one chunk with the entry (all of it is loaded at start anyway; many small
      // files only add requests); and the other pages and background duties, loaded after that frame.
      output: {
        codeSplitting: {
          groups: [{ name: 'start', tags: ['$initial'], includeDependenciesRecursively: false }],
        },
        charset: 'ascii',
      },
    },
  },
});
