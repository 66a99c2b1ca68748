import type { SafeStorage } from 'electron';
import { jsonObjectFile, type SecretStore } from '../services/central/secret-store';

/** The part of Electron's `safeStorage` used here; injected so the store is tested without Electron. */
export type SafeStorageLike = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
>;

interface StoredSecret {
  /** `os`: encrypted by safeStorage (base64); `plain`: kept as text because encryption was unavailable. */
  kind: 'os' | 'plain';
  value: string;
}

function isStoredSecret(value: unknown): value is StoredSecret {
  if (typeof value !== 'object' || value === null) return false;
  const { kind, value: text } = value as Record<string, unknown>;
  return (kind === 'os' || kind === 'plain') && typeof text === 'string';
}

/**
 * Secrets in `secrets.json` in the user-data folder, encrypted with the OS keychain (DPAPI, Keychain, libsecret/
 * kwallet) through Electron's `safeStorage` when it is available. When it is not (a Linux seat without a keyring),
 * the secret is kept as text and `protection()` says so, so the settings page can tell IT rather than hide it.
 * Only call after `app.whenReady()`: safeStorage is not usable before.
 */
export function safeStorageSecretStore(path: string, safeStorage: SafeStorageLike): SecretStore {
  const file = jsonObjectFile(path);

  function encrypting(): boolean {
    if (!safeStorage.isEncryptionAvailable()) return false;
    // On Linux, `basic_text` means a hard-coded key: no better than plain text, so it is not called encrypted.
    return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
  }

  return {
    get(name) {
      const stored = file.read()[name];
      if (!isStoredSecret(stored)) return null;
      if (stored.kind === 'plain') return stored.value;
      try {
        return safeStorage.decryptString(Buffer.from(stored.value, 'base64'));
      } catch {
        // The keychain changed (another OS user, a restored profile): the token is unusable; enrol again.
        return null;
      }
    },
    set(name, value) {
      const stored: StoredSecret = encrypting()
        ? { kind: 'os', value: safeStorage.encryptString(value).toString('base64') }
        : { kind: 'plain', value };
      file.write({ ...file.read(), [name]: stored });
    },
    delete(name) {
      file.write(Object.fromEntries(Object.entries(file.read()).filter(([key]) => key !== name)));
    },
    protection() {
      if (encrypting()) return { protection: 'os-encrypted' };
      const backend =
        process.platform === 'linux' && safeStorage.isEncryptionAvailable()
          ? safeStorage.getSelectedStorageBackend()
          : 'none';
      return {
        protection: 'unencrypted',
        detail: `OS encryption unavailable (safeStorage backend: ${backend}); the device token is stored as text in ${path}`,
      };
    },
  };
}
