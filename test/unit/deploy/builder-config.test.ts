import { readFileSync } from 'node:fs';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util/out/DebugLogger';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { Configuration } from 'app-builder-lib';

// Installers cannot be built here (electron-builder downloads Electron), so the config is checked offline
// against electron-builder's own schema and for the properties IT relies on.
const config = load(readFileSync('electron-builder.yml', 'utf8')) as Configuration;

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own validation', async () => {
    await expect(
      validateConfiguration(structuredClone(config), new DebugLogger(false)),
    ).resolves.toBeUndefined();
  });

  it('is rejected by the same validation when a key is misspelt (the check can fail)', async () => {
    const broken = { ...structuredClone(config), nsis: { ...config.nsis, perMachin: true } } as Configuration;
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(
      /configuration\.nsis/,
    );
  });

  it('installs per machine without questions and keeps the app locked down', () => {
    expect(config.nsis).toMatchObject({
      oneClick: true,
      perMachine: true,
      allowToChangeInstallationDirectory: false,
    });
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
    expect(config.publish).toMatchObject({ provider: 'generic' });
  });
});
