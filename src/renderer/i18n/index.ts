import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { enUS, zhCN } from 'date-fns/locale';
import type { Locale as DateLocale } from 'date-fns';
import { catalogues } from '@shared/i18n';
import { DEFAULT_LOCALE, type Locale } from '@shared/settings/schema';

export const dateLocales: Record<Locale, DateLocale> = { 'zh-CN': zhCN, en: enUS };

export async function initI18n(locale: Locale = DEFAULT_LOCALE) {
  await i18next.use(initReactI18next).init({
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    resources: {
      'zh-CN': { translation: catalogues['zh-CN'] },
      en: { translation: catalogues.en },
    },
    interpolation: { escapeValue: false }, // React escapes.
    returnNull: false,
  });
  document.documentElement.lang = locale;
  return i18next;
}

export async function applyLocale(locale: Locale) {
  if (i18next.language !== locale) await i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
}
