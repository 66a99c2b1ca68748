/**
 * How a feature's messages are declared: both languages side by side, English translating exactly the Chinese keys.
 * A module of its own so that the feature files and features.ts, which imports them all, do not import each other.
 */
type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export function defineMessages<const T>(messages: { zh: T; en: Widen<T> }): { zh: T; en: Widen<T> } {
  return messages;
}

/** One language of every feature's messages. */
export function pickLocale<F extends Record<string, { zh: unknown; en: unknown }>, L extends 'zh' | 'en'>(
  features: F,
  locale: L,
): { [K in keyof F]: F[K][L] } {
  return Object.fromEntries(Object.entries(features).map(([key, value]) => [key, value[locale]])) as {
    [K in keyof F]: F[K][L];
  };
}
