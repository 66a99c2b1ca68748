import type { IncidentEvent } from '../incidents/events';

/** A stretch of time the service was affected: from a declaration or a reopen to the next recovery. */
export interface ImpactPeriod {
  start: string;
  /** Null while the incident is still open. */
  end: string | null;
}

const HOUR = 3_600_000;

/**
 * The impact periods of one incident's log (in log order): declared → resolved, then each reopened → resolved.
 * The time between a recovery and a reopen was service as usual, so it is not counted (DOMAIN §6 availability).
 * A second "resolved" without a reopen in between (two seats closing at once) moves nothing: the first one counts.
 */
export function impactPeriods(events: readonly IncidentEvent[]): ImpactPeriod[] {
  const periods: ImpactPeriod[] = [];
  let open: ImpactPeriod | null = null;
  for (const event of events) {
    if (event.type === 'incident.declared' && periods.length === 0 && open === null) {
      open = { start: event.occurredAt, end: null };
      periods.push(open);
    } else if (event.type === 'incident.reopened' && open === null && periods.length > 0) {
      open = { start: event.occurredAt, end: null };
      periods.push(open);
    } else if (event.type === 'incident.resolved' && open !== null) {
      // A recovery time set before the start (typed wrong) closes the period empty rather than negative.
      open.end = Date.parse(event.occurredAt) < Date.parse(open.start) ? open.start : event.occurredAt;
      open = null;
    }
  }
  return periods;
}

/** Hours of impact over the periods; an open period counts up to `now`. Exact, not rounded: grading is strict. */
export function availabilityHours(periods: readonly ImpactPeriod[], now: Date): number {
  const ms = periods.reduce((sum, p) => {
    const start = Date.parse(p.start);
    const end = p.end === null ? now.getTime() : Date.parse(p.end);
    return sum + Math.max(0, end - start);
  }, 0);
  return ms / HOUR;
}

/** The window the incident covers: its first start to its last end (or now), for call statistics and charts. */
export function incidentWindow(periods: readonly ImpactPeriod[], now: Date): { start: Date; end: Date } {
  const first = periods[0];
  const last = periods.at(-1);
  if (!first || !last) return { start: now, end: now };
  return { start: new Date(first.start), end: last.end === null ? now : new Date(last.end) };
}

/** For display and for the edit box: two decimals, without trailing zeros. */
export function roundHours(hours: number): number {
  return Math.round(hours * 100) / 100;
}
