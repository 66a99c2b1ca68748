import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { roleLabel } from '../checklists/roles';
import { SCENARIO_IDS, SCENARIOS, type ScenarioId } from '../checklists/scenarios';
import { interpolate } from '../i18n/format';
import { reportWords } from '../i18n/messages/reports';
import { levelOf, problemTypeOf, type SitePolicy } from '../policy';
import type { Locale } from '../settings/schema';

/** The words of a report in one language, outside React (the Markdown export and the print view share them). */
export interface Wording {
  locale: Locale;
  m: (typeof reportWords)['en'];
  fmt(template: string, values?: Record<string, string | number>): string;
  time(iso: string | Date): string;
  level(id: string | null | undefined): string;
  /** A plan scenario's label; a site's own scenario by its template's title when given. */
  scenario(id: string, title?: { zh: string; en: string }): string;
  role(id: string): string;
  person(id: string): string;
  problemType(id: string): string;
  bilingual(text: { zh: string; en: string }): string;
  number(value: number): string;
  or(value: string | undefined | null): string;
  /** Punctuation differs: 「（原因）」 and 「 (reason)」, 「：」 and 「: 」, 「；」 and 「; 」. */
  paren(text: string): string;
  colon: string;
  sep: string;
}

export function wording(policy: SitePolicy, locale: Locale): Wording {
  const zh = locale === 'zh-CN';
  const m = zh ? reportWords.zh : reportWords.en;
  const pick = (text: { zh: string; en: string }) => (zh ? text.zh : text.en);
  const zone = policy.calendar.timeZone;
  const numbers = new Intl.NumberFormat(zh ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 });
  return {
    locale,
    m,
    fmt: (template, values = {}) => interpolate(template, values),
    time: (at) => format(new TZDate(new Date(at).getTime(), zone), 'yyyy-MM-dd HH:mm'),
    level: (id) => {
      if (id == null) return m.doc.none;
      const level = levelOf(policy, id);
      return level ? pick(level.label) : id;
    },
    scenario: (id, title) =>
      (SCENARIO_IDS as readonly string[]).includes(id)
        ? pick(SCENARIOS[id as ScenarioId].label)
        : title
          ? pick(title)
          : id,
    role: (id) => {
      const label = roleLabel(id);
      return label ? pick(label) : id;
    },
    person: (id) => policy.contacts.people.find((p) => p.id === id)?.name ?? id,
    problemType: (id) => {
      const type = problemTypeOf(policy, id);
      return type ? pick(type.label) : id;
    },
    bilingual: pick,
    number: (value) => numbers.format(value),
    paren: (text) => (zh ? `（${text}）` : ` (${text})`),
    colon: zh ? '：' : ': ',
    sep: zh ? '；' : '; ',
    or: (value) => (value === undefined || value === null || value.trim() === '' ? m.doc.notRecorded : value),
  };
}
