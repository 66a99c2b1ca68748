import { extname, join, normalize, resolve, sep } from 'node:path';

/**
 * The console's own origin in Electron: `app://floorguard/`, a standard, secure custom scheme served from the
 * built renderer folder (ADR 0009). Not `file://`: Chromium keeps no V8 code cache for file URLs, so every start
 * would parse and compile the start chunk again (about half of the time to the first rows), and a file origin is
 * opaque to some web APIs. The origin also keys IndexedDB: it must never change once seats hold records.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'floorguard';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** The types the renderer build contains; anything else is not served. */
export const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Vite's output names, `assets/<name>-<hash>.<ext>`: their content never changes under the same name. */
const HASHED_ASSET = /^assets\/[^/]+-[A-Za-z0-9_-]{8,}\.\w+$/;

/**
 * How long a file of the build may be cached (`path` relative to the renderer folder, with `/`): hashed assets for
 * good (and with them V8's code cache), anything else never, so an update takes effect at the next start.
 */
export function cacheControlFor(path: string): string {
  return HASHED_ASSET.test(path) ? 'public, max-age=31536000, immutable' : 'no-store';
}

export interface AppFile {
  file: string;
  contentType: string;
  cacheControl: string;
}

/**
 * The file an `app://floorguard/…` request reads, or null (a 404): other hosts, other schemes, and any path that
 * would leave the renderer folder. `/` is the page itself.
 */
export function resolveAppRequest(rendererDir: string, url: string): AppFile | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname).replace(/^\/+/, '');
  } catch {
    return null;
  }
  if (path === '') path = 'index.html';
  if (path.includes('\0')) return null;
  const base = resolve(rendererDir);
  const file = normalize(join(base, path));
  if (!file.startsWith(base + sep)) return null;
  const contentType = MIME[extname(file)];
  if (!contentType) return null;
  return {
    file,
    contentType,
    cacheControl: cacheControlFor(path),
  };
}
