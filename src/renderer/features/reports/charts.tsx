import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { Bucket, ComplianceStatus } from '@shared/closeout';

const WIDTH = 640;
const HEIGHT = 180;
const COLOURS: Record<Exclude<ComplianceStatus, 'skipped'>, string> = {
  met: '#1a7f37',
  missed: '#c62828',
  'not-done': '#8a939e',
};

/**
 * One uPlot chart in a div, rebuilt when `key` (a digest of its data) changes: reports change rarely, so rebuilding
 * is simpler than patching. The chart is drawn on a canvas, which prints and goes into the PDF as it is.
 */
function useUPlot(key: string, build: (host: HTMLDivElement) => uPlot) {
  const host = useRef<HTMLDivElement>(null);
  const latest = useRef(build);
  useEffect(() => {
    latest.current = build;
  });
  useEffect(() => {
    if (!host.current) return;
    const plot = latest.current(host.current);
    return () => plot.destroy();
  }, [key]);
  return host;
}

const bars = uPlot.paths.bars?.({ size: [0.8, 40] });

/** Calls per 15 minutes over the incident, with a vertical line at the declaration and at each level change. */
export function CallsChart(props: {
  label: string;
  buckets: readonly Bucket[];
  marks: readonly { at: string; label: string }[];
  timeZone: string;
}) {
  const { buckets, marks, timeZone } = props;
  const key = JSON.stringify([buckets, marks, timeZone]);
  const host = useUPlot(key, (el) => {
    const xs = buckets.map((b) => Date.parse(b.start) / 1000);
    const ys = buckets.map((b) => b.calls);
    const opts: uPlot.Options = {
      width: WIDTH,
      height: HEIGHT,
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(max + 1, 4)] } },
      axes: [
        {
          values: (_u, ticks) => ticks.map((t) => format(new TZDate(t * 1000, timeZone), 'HH:mm')),
          size: 28,
        },
        { size: 36 },
      ],
      series: [{}, { stroke: '#0b5cad', fill: 'rgba(11,92,173,0.35)', ...(bars ? { paths: bars } : {}) }],
      hooks: {
        draw: [
          (u) => {
            const ctx = u.ctx;
            ctx.save();
            ctx.strokeStyle = '#c62828';
            ctx.fillStyle = '#c62828';
            ctx.lineWidth = 2;
            ctx.font = `${11 * devicePixelRatio}px sans-serif`;
            for (const mark of marks) {
              const x = u.valToPos(Date.parse(mark.at) / 1000, 'x', true);
              ctx.beginPath();
              ctx.moveTo(x, u.bbox.top);
              ctx.lineTo(x, u.bbox.top + u.bbox.height);
              ctx.stroke();
              ctx.fillText(mark.label, x + 4, u.bbox.top + 12 * devicePixelRatio);
            }
            ctx.restore();
          },
        ],
      },
    };
    return new uPlot(opts, [xs, ys], el);
  });
  return (
    <figure className="report-chart" data-testid="chart-calls">
      <figcaption>{props.label}</figcaption>
      <div ref={host} aria-hidden="true" />
    </figure>
  );
}

/** Met / missed / not done, one bar each: the figures are in the table beside it, the chart shows the balance. */
export function ComplianceChart(props: {
  label: string;
  counts: Record<ComplianceStatus, number>;
  names: Record<ComplianceStatus, string>;
}) {
  const { counts, names } = props;
  const statuses = ['met', 'missed', 'not-done'] as const;
  const key = JSON.stringify([counts, names]);
  const host = useUPlot(key, (el) => {
    const opts: uPlot.Options = {
      width: 360,
      height: 160,
      legend: { show: false },
      cursor: { show: false },
      scales: {
        x: { time: false, range: [-0.5, statuses.length - 0.5] },
        y: { range: (_u, _min, max) => [0, Math.max(max + 1, 2)] },
      },
      axes: [
        {
          values: (_u, ticks) =>
            ticks.map((t) => (Number.isInteger(t) ? (names[statuses[t] ?? 'met'] ?? '') : '')),
          size: 28,
        },
        { size: 30 },
      ],
      // One series per status so that each bar keeps its own colour.
      series: [
        {},
        ...statuses.map((status) => ({
          stroke: COLOURS[status],
          fill: COLOURS[status],
          ...(bars ? { paths: bars } : {}),
        })),
      ],
    };
    const xs = statuses.map((_s, i) => i);
    const columns = statuses.map((status, i) => xs.map((x) => (x === i ? counts[status] : null)));
    return new uPlot(opts, [xs, ...columns], el);
  });
  return (
    <figure className="report-chart" data-testid="chart-compliance">
      <figcaption>{props.label}</figcaption>
      <div ref={host} aria-hidden="true" />
    </figure>
  );
}
