import type { DoctorCheck, DoctorReport } from './doctor';

function extra(check: DoctorCheck): string {
  if (check.kind === 'ups' && check.status !== null) return check.onBattery ? ' [ON BATTERY]' : '';
  if (check.kind === 'line' && check.latencyMs !== null) return ` [${check.latencyMs} ms]`;
  return '';
}

/** A plain-text table for IT staff at a terminal; `--json` is the machine-readable form. */
export function formatTable(report: DoctorReport): string {
  const rows = report.checks.map((check) => [
    check.ok ? ('skipped' in check && check.skipped ? 'SKIP' : 'OK') : 'FAIL',
    check.kind,
    check.name,
    check.detail + extra(check),
  ]);
  const header = ['RESULT', 'KIND', 'NAME', 'DETAIL'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ');
  const failed = report.checks.filter((check) => !check.ok).length;
  const summary = report.ok ? 'All checks passed.' : `${failed} check(s) failed.`;
  return [line(header), ...rows.map(line), '', summary, ''].join('\n');
}
