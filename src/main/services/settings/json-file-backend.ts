import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SeatSettings } from '@shared/settings/schema';
import type { SettingsBackend } from './settings-service';

/** A JSON file written atomically (temp + rename); the harness's stand-in for electron-store. */
export function jsonFileSettingsBackend(path: string): SettingsBackend {
  return {
    read() {
      try {
        return JSON.parse(readFileSync(path, 'utf8')) as unknown;
      } catch {
        return undefined;
      }
    },
    write(settings: SeatSettings) {
      mkdirSync(dirname(path), { recursive: true });
      const temp = `${path}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify(settings, null, 2));
      renameSync(temp, path);
    },
  };
}
