import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { APP_SCHEME, resolveAppRequest } from '../security/app-origin';

/**
 * Registers `app:` before the app is ready (Electron allows it only then): standard and secure, so the page has a
 * real origin for IndexedDB, storage persistence and web locks, and `codeCache`, so V8 keeps the compiled start
 * chunk between starts. No CSP bypass, no service workers, no CORS.
 */
export function registerAppScheme(protocol: Protocol): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** Serves the built renderer folder on `app://floorguard/` (after ready). Anything else is a 404. */
export function serveRenderer(protocol: Protocol, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const target = resolveAppRequest(rendererDir, request.url);
    if (!target) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(target.file);
      return new Response(body, {
        headers: { 'content-type': target.contentType, 'cache-control': target.cacheControl },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
