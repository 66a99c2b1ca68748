import { useTranslation } from 'react-i18next';
import { clockTime, formatMinutes, minutesSince } from './format';
import { minutesMessages } from './power-text';

/** "since 14:05 (12 min)": when a state began and how long it has lasted, against the store's clock. */
export function SinceLine({ since, now }: { since: string; now: number }) {
  const { t } = useTranslation();
  return (
    <p className="power-card__since" data-testid="since">
      {t('power.since', {
        time: clockTime(since),
        duration: formatMinutes(minutesSince(since, now), minutesMessages(t)),
      })}
    </p>
  );
}
