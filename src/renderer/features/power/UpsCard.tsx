import { useTranslation } from 'react-i18next';
import type { UpsState } from '@shared/monitors/ups-status';
import { HistoryChart } from './HistoryChart';
import type { ChargePoint } from './history';
import { clockTime, formatMinutes } from './format';
import { minutesMessages } from './power-text';
import { SinceLine } from './SinceLine';

type UpsLook = 'checking' | 'onMains' | 'onBattery' | 'unreachable';

function lookOf(ups: UpsState): UpsLook {
  if (ups.onBattery) return 'onBattery';
  if (ups.reachability === 'unknown') return 'checking';
  // Unreachable with nothing ever read: saying "on mains" would be a guess.
  if (ups.reachability === 'unreachable' && ups.lastSeenAt === null) return 'unreachable';
  return 'onMains';
}

const TONE: Record<UpsLook, string> = {
  checking: 'unknown',
  onMains: 'ok',
  onBattery: 'warn',
  unreachable: 'warn',
};

export function UpsCard({
  ups,
  history,
  now,
}: {
  ups: UpsState;
  history: readonly ChargePoint[];
  now: number;
}) {
  const { t } = useTranslation();
  const look = lookOf(ups);
  const critical = ups.alerts.some((alert) => alert.severity === 'critical');
  const none = t('power.figure.none');
  const figure = (value: number | null, key: 'percent' | 'volts') =>
    value === null ? none : t(`power.figure.${key}`, { value: Math.round(value) });
  const headingId = `ups-${ups.name}`;
  return (
    <article
      className={`power-card power-card--${critical ? 'bad' : TONE[look]}`}
      aria-labelledby={headingId}
      data-testid="ups-card"
      data-ups={ups.name}
    >
      <header className="power-card__head">
        <h3 id={headingId}>{ups.name}</h3>
        <span className="power-card__state" data-testid="ups-state">
          {t(`power.ups.${look}`)}
        </span>
      </header>
      {ups.onBattery && ups.onBatterySince && <SinceLine since={ups.onBatterySince} now={now} />}
      {ups.alerts.some((alert) => alert.code !== 'unreachable') && (
        <ul className="power-alerts">
          {ups.alerts
            .filter((alert) => alert.code !== 'unreachable')
            // What to do now first: "start the generator" above the general on-battery advice.
            .toSorted((a, b) => Number(b.severity === 'critical') - Number(a.severity === 'critical'))
            .map((alert) => (
              <li
                key={alert.code}
                className={`power-alert power-alert--${alert.severity}`}
                data-testid={`ups-alert-${alert.code}`}
              >
                {t(`power.alert.${alert.code}`)}
              </li>
            ))}
        </ul>
      )}
      {ups.stale && (
        <p className="power-card__stale" data-testid="ups-stale">
          {ups.lastSeenAt
            ? t('power.ups.stale', {
                time: clockTime(ups.lastSeenAt),
                error: ups.error ?? t('power.ups.unreachable'),
              })
            : t('power.ups.staleNever', { error: ups.error ?? t('power.ups.unreachable') })}
        </p>
      )}
      <dl className="power-figures">
        <div>
          <dt>{t('power.ups.charge')}</dt>
          <dd data-testid="ups-charge">{figure(ups.batteryCharge, 'percent')}</dd>
        </div>
        <div>
          <dt>{t('power.ups.minutesLeft')}</dt>
          <dd data-testid="ups-minutes-left">
            {ups.minutesLeft === null ? none : formatMinutes(ups.minutesLeft, minutesMessages(t))}
          </dd>
        </div>
        <div>
          <dt>{t('power.ups.load')}</dt>
          <dd>{figure(ups.load, 'percent')}</dd>
        </div>
        <div>
          <dt>{t('power.ups.inputVoltage')}</dt>
          <dd>{figure(ups.inputVoltage, 'volts')}</dd>
        </div>
      </dl>
      <HistoryChart
        label={t('power.ups.chart')}
        points={history.map((point) => [point.at, point.charge] as const)}
        now={now}
        stepped
        yRange={[0, 100]}
        testId="ups-chart"
      />
    </article>
  );
}
