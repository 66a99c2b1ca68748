import type { Locale } from '../settings/schema';
import type { MessageCatalogue } from './catalogue';
import { en } from './messages/en';
import { zhCN } from './messages/zh-CN';

export type { MessageCatalogue } from './catalogue';

export const catalogues: Record<Locale, MessageCatalogue> = { 'zh-CN': zhCN, en };

/** Lists every key path of a catalogue, e.g. `nav.calls`; used to check both languages stay complete. */
export function keyPaths(catalogue: object, prefix = ''): string[] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === 'string' ? [prefix + key] : keyPaths(value as object, `${prefix}${key}.`),
  );
}
