import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** How a secret is kept at rest; shown to the user so that an unencrypted token is never a surprise. */
export type SecretProtection = 'os-encrypted' | 'unencrypted' | 'memory';

/**
 * Where main keeps secrets (the device token). One interface, three implementations: Electron's `safeStorage`
 * (src/main/electron/safe-storage-secrets.ts), a plain file for the browser harness, memory for tests.
 * Secrets never cross to the renderer.
 */
export interface SecretStore {
  get(name: string): string | null;
  set(name: string, value: string): void;
  delete(name: string): void;
  protection(): { protection: SecretProtection; detail?: string };
}

export function memorySecretStore(): SecretStore & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    values,
    get: (name) => values.get(name) ?? null,
    set: (name, value) => void values.set(name, value),
    delete: (name) => void values.delete(name),
    protection: () => ({ protection: 'memory' }),
  };
}

/** A small JSON object on disk, written atomically (temp + rename) and readable by its owner only. */
export function jsonObjectFile(path: string) {
  return {
    read(): Record<string, unknown> {
      try {
        const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
        return typeof value === 'object' && value !== null && !Array.isArray(value)
          ? (value as Record<string, unknown>)
          : {};
      } catch {
        return {};
      }
    },
    write(value: Record<string, unknown>): void {
      mkdirSync(dirname(path), { recursive: true });
      if (Object.keys(value).length === 0) {
        rmSync(path, { force: true });
        return;
      }
      const temp = `${path}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify(value, null, 2), { mode: 0o600 });
      // Windows ignores the mode; elsewhere make sure an older file's wider mode is not kept.
      if (process.platform !== 'win32') chmodSync(temp, 0o600);
      renameSync(temp, path);
    },
  };
}

/**
 * The harness's store: plain text in a file under the harness data folder (mode 0600). Development only —
 * the desktop app uses the OS keychain through `safeStorage`.
 */
export function fileSecretStore(path: string): SecretStore {
  const file = jsonObjectFile(path);
  return {
    get(name) {
      const value = file.read()[name];
      return typeof value === 'string' ? value : null;
    },
    set(name, value) {
      file.write({ ...file.read(), [name]: value });
    },
    delete(name) {
      file.write(Object.fromEntries(Object.entries(file.read()).filter(([key]) => key !== name)));
    },
    protection: () => ({ protection: 'unencrypted', detail: `plain file ${path} (browser harness)` }),
  };
}
