import { describe, expect, it } from 'vitest';
import { catalogues, keyPaths } from '@shared/i18n';
import { interpolate } from '@shared/i18n/format';

describe('message catalogues', () => {
  it('English translates exactly the keys of the Chinese default', () => {
    expect(keyPaths(catalogues.en).sort()).toEqual(keyPaths(catalogues['zh-CN']).sort());
  });

  it('has no empty message and the same placeholders in both languages', () => {
    const get = (catalogue: object, path: string) =>
      path
        .split('.')
        .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], catalogue) as string;
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const path of keyPaths(catalogues['zh-CN'])) {
      const zh = get(catalogues['zh-CN'], path);
      const en = get(catalogues.en, path);
      expect(zh.trim(), path).not.toBe('');
      expect(en.trim(), path).not.toBe('');
      expect(placeholders(en), path).toEqual(placeholders(zh));
    }
  });

  it('interpolates named values and leaves unknown ones visible', () => {
    expect(interpolate('待同步 {{count}} 条', { count: 3 })).toBe('待同步 3 条');
    expect(interpolate('{{a}} {{b}}', { a: 1 })).toBe('1 {{b}}');
  });
});
