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
    // Loaded from disk by a desktop app, not over a network: one bundle is fine.
    chunkSizeWarningLimit: 2500,
    rollupOptions: { input: resolve(import.meta.dirname, 'src/renderer/index.html') },
  },
});
