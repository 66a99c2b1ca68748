/**
 * Hybrid logical clock (Kulkarni et al.): wall-clock milliseconds plus a counter, plus the node id as the final
 * tie-break. Encoded as a fixed-width string so that string order is causal order:
 * `000001732435200000-0000-<node>`.
 */
export interface Hlc {
  millis: number;
  counter: number;
  node: string;
}

const MAX_COUNTER = 0xffff;
/** A remote clock further ahead than this is refused: a seat's wrong clock must not drag everyone's forward. */
export const MAX_DRIFT_MS = 36 * 60 * 60 * 1000;

export function encodeHlc(hlc: Hlc): string {
  return `${hlc.millis.toString().padStart(15, '0')}-${hlc.counter.toString(16).padStart(4, '0')}-${hlc.node}`;
}

export function decodeHlc(text: string): Hlc {
  const match = /^(\d{15})-([0-9a-f]{4})-(.+)$/.exec(text);
  if (!match) throw new Error(`Not an HLC timestamp: ${text}`);
  return { millis: Number(match[1]), counter: parseInt(match[2] ?? '0', 16), node: match[3] ?? '' };
}

export const HLC_PATTERN = /^\d{15}-[0-9a-f]{4}-.+$/;

export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A clock for one node. `now` is injected so tests can skew it. */
export class HybridClock {
  private last: Hlc;

  constructor(
    private readonly node: string,
    private readonly now: () => number = Date.now,
  ) {
    this.last = { millis: 0, counter: 0, node };
  }

  /** A timestamp for a local event. */
  tick(): string {
    const wall = this.now();
    if (wall > this.last.millis) this.last = { millis: wall, counter: 0, node: this.node };
    else this.last = { millis: this.last.millis, counter: this.bump(this.last.counter), node: this.node };
    return encodeHlc(this.last);
  }

  /** Merges a timestamp seen from another node, so that later local events order after it. */
  receive(remote: string): string {
    const other = decodeHlc(remote);
    const wall = this.now();
    if (other.millis - wall > MAX_DRIFT_MS) throw new Error(`Remote clock too far ahead: ${remote}`);
    const millis = Math.max(wall, this.last.millis, other.millis);
    let counter = 0;
    if (millis === this.last.millis && millis === other.millis)
      counter = Math.max(this.last.counter, other.counter) + 1;
    else if (millis === this.last.millis) counter = this.last.counter + 1;
    else if (millis === other.millis) counter = other.counter + 1;
    this.last = { millis, counter: this.bump(counter - 1), node: this.node };
    return encodeHlc(this.last);
  }

  /**
   * A timestamp for a local change that must order after `previous` (the version it edits, the incident's latest
   * event). Normally that is `receive(previous)`. When `previous` is too far ahead to adopt — this seat's clock is
   * wrong by more than MAX_DRIFT_MS — the change still orders right after it, without the clock jumping: an edit
   * must never lose to the version it edits, and the status bar already tells IT to fix the clock.
   */
  tickAfter(previous: string | undefined): string {
    if (!previous) return this.tick();
    try {
      return this.receive(previous);
    } catch {
      const other = decodeHlc(previous);
      return encodeHlc({ millis: other.millis, counter: this.bump(other.counter), node: this.node });
    }
  }

  private bump(counter: number): number {
    if (counter + 1 > MAX_COUNTER) throw new Error('HLC counter overflow');
    return counter + 1;
  }
}
