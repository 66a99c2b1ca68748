import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { format } from 'date-fns';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { HISTORY_WINDOW_SECONDS } from './history';

export interface HistoryChartProps {
  /** Shown above the chart and given to screen readers. */
  label: string;
  /** [epoch seconds, value] pairs, oldest first. */
  points: readonly (readonly [number, number])[];
  /** Epoch ms: the right edge of the one-hour window. */
  now: number;
  /** Steps for readings that hold until the next one (UPS charge), lines for samples (latency). */
  stepped?: boolean;
  /** Fixed y range (charge 0–100); otherwise fitted to the data. */
  yRange?: [number, number];
  testId?: string;
}

const WIDTH = 300;
const HEIGHT = 110;

/** uPlot's columns; a stepped reading still holds now, so it is extended to the right edge. */
function chartData(points: HistoryChartProps['points'], now: number, stepped: boolean): uPlot.AlignedData {
  const xs = points.map(([at]) => at);
  const ys = points.map(([, value]) => value);
  const last = points.at(-1);
  if (stepped && last && last[0] < now / 1000) {
    xs.push(now / 1000);
    ys.push(last[1]);
  }
  return [xs, ys];
}

function hourWindow(now: number): [number, number] {
  return [now / 1000 - HISTORY_WINDOW_SECONDS, now / 1000];
}

/**
 * The last hour of one figure. uPlot draws on a canvas, offline and cheaply; the chart is decoration over the
 * figures printed on the card, so a screen reader gets the label and the latest value there, not the canvas.
 */
export function HistoryChart({ label, points, now, stepped = false, yRange, testId }: HistoryChartProps) {
  const { t } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const latest = useRef({ points, now });
  const enough = points.length >= 2 || (stepped && points.length >= 1);
  const [yMin, yMax] = yRange ?? [null, null];

  useEffect(() => {
    latest.current = { points, now };
  });

  // The chart is rebuilt only when its shape changes; new readings go through setData below.
  useEffect(() => {
    if (!enough || !host.current) return;
    const opts: uPlot.Options = {
      width: WIDTH,
      height: HEIGHT,
      legend: { show: false },
      cursor: { show: false },
      scales: {
        x: { time: true, range: () => hourWindow(latest.current.now) },
        y:
          yMin !== null && yMax !== null
            ? { range: () => [yMin, yMax] }
            : { range: (_u, min, max) => [0, Math.max(max * 1.2, min + 1)] },
      },
      axes: [
        { values: (_u, ticks) => ticks.map((tick) => format(new Date(tick * 1000), 'HH:mm')), size: 24 },
        { size: 36 },
      ],
      series: [
        {},
        { stroke: '#0b5cad', width: 2, ...(stepped ? { paths: uPlot.paths.stepped?.({ align: 1 }) } : {}) },
      ],
    };
    const created = new uPlot(
      opts,
      chartData(latest.current.points, latest.current.now, stepped),
      host.current,
    );
    plot.current = created;
    return () => {
      created.destroy();
      plot.current = null;
    };
  }, [enough, stepped, yMin, yMax]);

  useEffect(() => {
    plot.current?.setData(chartData(points, now, stepped));
  });

  return (
    <figure className="power-chart" data-testid={testId}>
      <figcaption className="power-chart__label">{label}</figcaption>
      {enough ? (
        <div ref={host} className="power-chart__plot" aria-hidden="true" />
      ) : (
        <p className="muted power-chart__empty">{t('power.chartEmpty')}</p>
      )}
    </figure>
  );
}
