import type { LineHealth, LineState } from '@shared/monitors/line-status';
import type { UpsState } from '@shared/monitors/ups-status';

/**
 * When the power place offers to act (DOMAIN §7): a power cut as soon as a UPS is on battery; a CRM outage once the
 * CRM line has been down longer than the site's `crmDownAlertMinutes`. Each offer belongs to an episode (from the
 * moment the condition starts until it ends) and is shown at most once per episode: after "declare" or "dismiss"
 * it stays away until the condition ends and starts again. Pure, so the rules are tested without a browser.
 */

export interface EpisodeInput {
  ups: readonly UpsState[];
  lines: readonly LineState[];
  crmDownAlertMinutes: number;
  /** Epoch milliseconds. */
  now: number;
}

interface CrmEpisode {
  id: string;
  since: string;
  handled: boolean;
  /** The call sheet is opened once, when the episode crosses the threshold. */
  due: boolean;
}

export interface EpisodeMemory {
  /** The last seen line health (and since when) and UPS battery flag, to see transitions. */
  lines: Record<string, { health: LineHealth; since: string | null }>;
  ups: Record<string, boolean>;
  powerCut: { id: string; handled: boolean } | null;
  crm: Record<string, CrmEpisode>;
}

export const EMPTY_MEMORY: EpisodeMemory = { lines: {}, ups: {}, powerCut: null, crm: {} };

export type Offer =
  | { kind: 'power-cut'; id: string; ups: string[]; since: string }
  | { kind: 'crm-down'; id: string; line: string; since: string };

export type EpisodeEffect =
  | { kind: 'open-call-sheet'; line: string }
  | { kind: 'line-restored'; line: string; downSince: string | null; at: string }
  | { kind: 'mains-restored'; ups: string; at: string };

export interface EpisodeStep {
  memory: EpisodeMemory;
  offers: Offer[];
  effects: EpisodeEffect[];
}

function earliest(isos: readonly string[]): string | null {
  return isos.reduce<string | null>((min, iso) => (min === null || iso < min ? iso : min), null);
}

export function stepEpisodes(previous: EpisodeMemory, input: EpisodeInput): EpisodeStep {
  const nowIso = new Date(input.now).toISOString();
  const effects: EpisodeEffect[] = [];
  const offers: Offer[] = [];

  // Power cut: one episode while any UPS is on battery. A UPS that becomes unreachable keeps its last readings
  // (ADR 0004), so losing sight of it does not end the episode and re-offer.
  const onBattery = input.ups.filter((ups) => ups.onBattery);
  let powerCut = previous.powerCut;
  if (onBattery.length === 0) powerCut = null;
  else {
    const since = earliest(onBattery.map((ups) => ups.onBatterySince ?? nowIso)) ?? nowIso;
    powerCut ??= { id: `power-cut:${since}`, handled: false };
    if (!powerCut.handled) {
      offers.push({ kind: 'power-cut', id: powerCut.id, ups: onBattery.map((ups) => ups.name), since });
    }
  }
  for (const ups of input.ups) {
    if (previous.ups[ups.name] === true && !ups.onBattery && !ups.stale) {
      effects.push({ kind: 'mains-restored', ups: ups.name, at: nowIso });
    }
  }

  // CRM down: the episode starts with the outage; the offer waits for the threshold.
  const crm: Record<string, CrmEpisode> = {};
  const thresholdMs = input.crmDownAlertMinutes * 60_000;
  for (const line of input.lines) {
    if (line.role !== 'crm' || line.health !== 'down') continue;
    const known = previous.crm[line.name];
    const since = known?.since ?? line.since ?? nowIso;
    const episode: CrmEpisode = known ?? {
      id: `crm-down:${line.name}:${since}`,
      since,
      handled: false,
      due: false,
    };
    const due = input.now - Date.parse(since) >= thresholdMs;
    if (due && !episode.due) effects.push({ kind: 'open-call-sheet', line: line.name });
    crm[line.name] = { ...episode, due: episode.due || due };
    if (due && !episode.handled) offers.push({ kind: 'crm-down', id: episode.id, line: line.name, since });
  }

  // Back up: only a transition seen live counts; a line already up at start restored nothing.
  for (const line of input.lines) {
    const before = previous.lines[line.name];
    if (line.health === 'up' && (before?.health === 'down' || before?.health === 'degraded')) {
      effects.push({
        kind: 'line-restored',
        line: line.name,
        downSince: before.since,
        at: line.since ?? nowIso,
      });
    }
  }

  return {
    memory: {
      lines: Object.fromEntries(
        input.lines.map((line) => [line.name, { health: line.health, since: line.since }]),
      ),
      ups: Object.fromEntries(input.ups.map((ups) => [ups.name, ups.onBattery])),
      powerCut,
      crm,
    },
    offers,
    effects,
  };
}

/** The user declared or dismissed an offer: it stays away for the rest of its episode. */
export function settleOffer(memory: EpisodeMemory, id: string): EpisodeMemory {
  const crm = Object.fromEntries(
    Object.entries(memory.crm).map(([name, episode]) => [
      name,
      episode.id === id ? { ...episode, handled: true } : episode,
    ]),
  );
  const powerCut = memory.powerCut?.id === id ? { ...memory.powerCut, handled: true } : memory.powerCut;
  return { ...memory, powerCut, crm };
}
