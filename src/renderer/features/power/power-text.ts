import type { TFunction } from 'i18next';
import type { MinutesMessages } from './format';

/** The `power.minutes` messages in the current language, for `formatMinutes`. */
export function minutesMessages(t: TFunction): MinutesMessages {
  return {
    unknown: t('power.minutes.unknown'),
    minutes: t('power.minutes.minutes'),
    hoursMinutes: t('power.minutes.hoursMinutes'),
  };
}
