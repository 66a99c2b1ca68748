import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * In dev mode the React refresh preamble is an inline script, which the strict CSP forbids.
 * Only the dev server relaxes it; production builds keep `script-src 'self'`.
 */
const relaxCspInDev: Plugin = {
  name: 'floorguard:dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
};

/** The renderer build, shared by electron-vite and the browser harness's dev mode. */
export default defineConfig({
  root: resolve(import.meta.dirname, 'src/renderer'),
  base: './',
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'src/shared') } },
  plugins: [react(), relaxCspInDev],
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    target: 'chrome130',
    chunkSizeWarningLimit: 2500,
    rolldownOptions: {
      input: resolve(import.meta.dirname, 'src/renderer/index.html'),
      // Two kinds of code (ADR 0009): what the call sheet's first frame needs, in one chunk with the entry (all of
      // it is loaded at start anyway; many small files only add requests), and the other pages and background
      // duties, loaded after that frame.
      output: { codeSplitting: { groups: [{ name: 'start', tags: ['$initial'] }] }, charset: 'ascii' },
    },
  },
});
