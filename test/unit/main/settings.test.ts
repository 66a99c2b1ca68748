import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEAT_SETTINGS } from '@shared/settings/schema';
import { jsonFileSettingsBackend } from '../../../src/main/services/settings/json-file-backend';
import {
  createSettingsService,
  memorySettingsBackend,
} from '../../../src/main/services/settings/settings-service';

describe('settings service', () => {
  it('starts on 简体中文 defaults and remembers updates in its backend', () => {
    const backend = memorySettingsBackend();
    const settings = createSettingsService(backend);
    expect(settings.get()).toEqual(DEFAULT_SEAT_SETTINGS);
    expect(settings.get().locale).toBe('zh-CN');
    settings.update({ locale: 'en', agentName: ' 张伟 ' });
    expect(createSettingsService(backend).get()).toEqual({ locale: 'en', agentName: '张伟', seatName: '' });
  });

  it('keeps the valid keys of a damaged store and resets only the broken ones', () => {
    const settings = createSettingsService(
      memorySettingsBackend({ locale: 'klingon', agentName: '李娜', seatName: 7 }),
    );
    expect(settings.get()).toEqual({ locale: 'zh-CN', agentName: '李娜', seatName: '' });
  });

  it('refuses an invalid update and keeps what was saved', () => {
    const backend = memorySettingsBackend();
    const settings = createSettingsService(backend);
    settings.update({ seatName: 'B-03' });
    expect(() => settings.update({ agentName: 'x'.repeat(65) })).toThrow();
    expect(settings.get().seatName).toBe('B-03');
    expect(backend.stored).toMatchObject({ seatName: 'B-03', agentName: '' });
  });

  it('tells listeners about changes until they unsubscribe', () => {
    const settings = createSettingsService(memorySettingsBackend());
    const seen: string[] = [];
    const off = settings.onChange((s) => seen.push(s.locale));
    settings.update({ locale: 'en' });
    off();
    settings.update({ locale: 'zh-CN' });
    expect(seen).toEqual(['en']);
  });

  it('persists to a JSON file and survives a corrupt file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fg-settings-'));
    const path = join(dir, 'nested', 'settings.json');
    createSettingsService(jsonFileSettingsBackend(path)).update({ agentName: '王芳' });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ agentName: '王芳' });
    expect(createSettingsService(jsonFileSettingsBackend(path)).get().agentName).toBe('王芳');
    writeFileSync(path, '{not json');
    expect(createSettingsService(jsonFileSettingsBackend(path)).get()).toEqual(DEFAULT_SEAT_SETTINGS);
  });
});
