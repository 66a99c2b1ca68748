import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppRequest } from '../../../src/main/security/app-origin';

const dir = resolve('/opt/Floorguard/resources/app.asar/out/renderer');

describe('app://floorguard/ serves the renderer folder and nothing else', () => {
  it('maps the page and its assets; hashed assets are cached for good, the page never', () => {
    expect(resolveAppRequest(dir, 'app://floorguard/')).toEqual({
      file: join(dir, 'index.html'),
      contentType: 'text/html; charset=utf-8',
      cacheControl: 'no-store',
    });
    expect(resolveAppRequest(dir, 'app://floorguard/index.html?x=1#calls')?.file).toBe(
      join(dir, 'index.html'),
    );
    expect(resolveAppRequest(dir, 'app://floorguard/assets/start-gMI06OaE.js')).toEqual({
      file: join(dir, 'assets/start-gMI06OaE.js'),
      contentType: 'text/javascript; charset=utf-8',
      cacheControl: 'public, max-age=31536000, immutable',
    });
    expect(resolveAppRequest(dir, 'app://floorguard/assets/icon.svg')?.cacheControl).toBe('no-store');
  });

  it('refuses other hosts and schemes, paths out of the folder, and unknown file types', () => {
    expect(resolveAppRequest(dir, 'app://other/index.html')).toBeNull();
    expect(resolveAppRequest(dir, 'file:///etc/passwd')).toBeNull();
    // Dot segments are resolved by the URL itself, inside the folder (a 404 there); encoded slashes are decoded
    // here and would leave it, so they are refused.
    expect(resolveAppRequest(dir, 'app://floorguard/../../../../etc/passwd.js')?.file).toBe(
      join(dir, 'etc/passwd.js'),
    );
    expect(resolveAppRequest(dir, 'app://floorguard/%2e%2e/%2e%2e/main/index.js')?.file).toBe(
      join(dir, 'main/index.js'),
    );
    expect(resolveAppRequest(dir, 'app://floorguard/..%2f..%2fmain%2findex.js')).toBeNull();
    expect(resolveAppRequest(dir, 'app://floorguard/assets%2f..%2f..%2f..%2fpreload%2findex.js')).toBeNull();
    expect(resolveAppRequest(dir, 'app://floorguard/assets/%E0%A4%A')).toBeNull();
    expect(resolveAppRequest(dir, 'app://floorguard/secrets.txt')).toBeNull();
    expect(resolveAppRequest(dir, 'not a url')).toBeNull();
  });
});
