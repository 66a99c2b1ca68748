import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Where the Electron binary is, or null. On machines that cannot reach Electron's download host the npm package
 * is installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1: it gives the types but no binary.
 */
export function electronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}
