import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LatencySample, LineState } from '@shared/monitors/line-status';
import { floorguard } from '../../bridge/floorguard';
import { HistoryChart } from './HistoryChart';
import { SinceLine } from './SinceLine';

const TONE: Record<LineState['health'], string> = {
  unknown: 'unknown',
  up: 'ok',
  degraded: 'warn',
  down: 'bad',
};

/** The last hour of latency for one line; fetched again whenever the line reports a new sample. */
function useLatency(name: string, revision: string): LatencySample[] {
  const [samples, setSamples] = useState<LatencySample[]>([]);
  useEffect(() => {
    let alive = true;
    void floorguard()
      .invoke('lines:latency', { name })
      .then((result) => {
        if (alive && result.ok) setSamples(result.value.samples);
      });
    return () => {
      alive = false;
    };
  }, [name, revision]);
  return samples;
}

export function LineCard({ line, now }: { line: LineState; now: number }) {
  const { t } = useTranslation();
  const samples = useLatency(line.name, `${line.latency.samples}:${line.latency.lastMs}:${line.health}`);
  const ms = (value: number | null) =>
    value === null ? t('power.figure.none') : t('power.figure.ms', { value: Math.round(value) });
  const headingId = `line-${line.name}`;
  return (
    <article
      className={`power-card power-card--${TONE[line.health]}`}
      aria-labelledby={headingId}
      data-testid="line-card"
      data-line={line.name}
    >
      <header className="power-card__head">
        <h3 id={headingId}>{line.name}</h3>
        <span className="power-card__role">{t(`power.role.${line.role ?? 'none'}`)}</span>
        <span className="power-card__state" data-testid="line-state">
          {t(`power.health.${line.health}`)}
        </span>
      </header>
      {line.since && <SinceLine since={line.since} now={now} />}
      <p className="muted power-card__target">
        {t('power.line.target', { probe: line.probe, target: line.target })}
      </p>
      <dl className="power-figures">
        <div>
          <dt>{t('power.line.latencyLast')}</dt>
          <dd data-testid="line-latency">{ms(line.latency.lastMs)}</dd>
        </div>
        <div>
          <dt>{t('power.line.latencyAvg')}</dt>
          <dd>{ms(line.latency.avgMs)}</dd>
        </div>
        <div>
          <dt>{t('power.line.latencyMax')}</dt>
          <dd>{ms(line.latency.maxMs)}</dd>
        </div>
      </dl>
      <HistoryChart
        label={t('power.line.chart')}
        points={samples.map((sample) => [sample.at / 1000, sample.ms] as const)}
        now={now}
        testId="line-chart"
      />
    </article>
  );
}
