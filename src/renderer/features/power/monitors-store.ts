import i18next from 'i18next';
import { create } from 'zustand';
import {
  summarizeFloorPower,
  type FloorPowerSummary,
  type LinesStatus,
  type PowerStatus,
  type SeatPowerStatus,
} from '@shared/ipc/channels/monitors';
import type { LineState } from '@shared/monitors/line-status';
import type { UpsState } from '@shared/monitors/ups-status';
import { floorguard } from '../../bridge/floorguard';
import { useIncidentBridge } from '../../app/incident-bridge';
import { useNavStore } from '../../app/nav-store';
import type { Place } from '../../app/places';
import { usePolicyStore } from '../../app/policy-store';
import {
  EMPTY_MEMORY,
  settleOffer,
  stepEpisodes,
  type EpisodeEffect,
  type EpisodeMemory,
  type Offer,
} from './alert-episodes';
import { formatMinutes, minutesSince } from './format';
import { recordCharges, type ChargeHistory } from './history';
import { minutesMessages } from './power-text';

/** What main last told us about UPS units, this seat and the lines, plus the offers that follow from it. */
interface MonitorsState {
  loaded: boolean;
  ups: UpsState[];
  seat: SeatPowerStatus;
  lines: LineState[];
  chargeHistory: ChargeHistory;
  /** Epoch ms of the last evaluation; durations on screen are measured against it. */
  now: number;
  memory: EpisodeMemory;
  offers: Offer[];
  settle(id: string): void;
}

export const useMonitorsStore = create<MonitorsState>((set, get) => ({
  loaded: false,
  ups: [],
  seat: { onBattery: null },
  lines: [],
  chargeHistory: {},
  now: Date.now(),
  memory: EMPTY_MEMORY,
  offers: [],
  settle(id) {
    set({ memory: settleOffer(get().memory, id) });
    evaluate();
  },
}));

/** The floor's worst condition, for the status bar; main builds the same summary for the tray. */
export function selectFloorPower(state: Pick<MonitorsState, 'ups' | 'lines' | 'seat'>): FloorPowerSummary {
  return summarizeFloorPower(state);
}

// Places where a lead is acting on an incident: pulling them to the call sheet would interrupt exactly that.
const KEEP_PLACES: readonly Place[] = ['incident', 'checklist'];

function runEffect(effect: EpisodeEffect): void {
  const t = i18next.t.bind(i18next);
  switch (effect.kind) {
    case 'open-call-sheet':
      if (!KEEP_PLACES.includes(useNavStore.getState().place)) useNavStore.getState().go('calls');
      return;
    case 'line-restored': {
      const minutes =
        effect.downSince === null ? null : minutesSince(effect.downSince, Date.parse(effect.at));
      const duration = formatMinutes(minutes, minutesMessages(t));
      useIncidentBridge
        .getState()
        .noteOnOpenIncident(
          t('power.note.lineRestored', { name: effect.line, duration }),
          new Date(effect.at),
        );
      return;
    }
    case 'mains-restored':
      useIncidentBridge
        .getState()
        .noteOnOpenIncident(t('power.note.mainsRestored', { name: effect.ups }), new Date(effect.at));
      return;
  }
}

/** Re-derives offers and runs one-shot effects; called on every update from main and on the clock tick. */
function evaluate(): void {
  const state = useMonitorsStore.getState();
  if (!state.loaded) return;
  const now = Date.now();
  const step = stepEpisodes(state.memory, {
    ups: state.ups,
    lines: state.lines,
    crmDownAlertMinutes: usePolicyStore.getState().state.policy.crmDownAlertMinutes,
    now,
  });
  useMonitorsStore.setState({ memory: step.memory, offers: step.offers, now });
  for (const effect of step.effects) runEffect(effect);
}

function applyPower(power: PowerStatus): void {
  const now = Date.now();
  useMonitorsStore.setState((s) => ({
    ups: power.ups,
    seat: power.seat,
    chargeHistory: recordCharges(s.chargeHistory, power.ups, now),
  }));
}

function applyLines(lines: LinesStatus): void {
  useMonitorsStore.setState({ lines: lines.lines });
}

/** How often offers are re-checked against the clock (the CRM threshold passes without any event). */
const TICK_MS = 5_000;
/** Lines report only committed changes; their latency figures are refreshed on this period. */
const LINES_REFRESH_MS = 15_000;

/** Follows main's monitors for as long as the returned function is not called. */
export function followMonitors(): () => void {
  const api = floorguard();
  let alive = true;
  // An event that arrives before the first answer is newer than it: the answer must not overwrite it.
  let powerEvents = 0;
  let lineEvents = 0;

  const load = async () => {
    const [power, lines] = await Promise.all([
      api.invoke('power:status', {}),
      api.invoke('lines:status', {}),
    ]);
    if (!alive) return;
    if (power.ok && powerEvents === 0) applyPower(power.value);
    if (lines.ok && lineEvents === 0) applyLines(lines.value);
    useMonitorsStore.setState({ loaded: true });
    evaluate();
  };
  void load();

  const offPower = api.on('power:changed', (power) => {
    powerEvents += 1;
    applyPower(power);
    evaluate();
  });
  const offLines = api.on('lines:changed', (lines) => {
    lineEvents += 1;
    applyLines(lines);
    evaluate();
  });
  const tick = setInterval(evaluate, TICK_MS);
  const refresh = setInterval(() => {
    void api.invoke('lines:status', {}).then((result) => {
      if (alive && result.ok) applyLines(result.value);
    });
  }, LINES_REFRESH_MS);

  return () => {
    alive = false;
    offPower();
    offLines();
    clearInterval(tick);
    clearInterval(refresh);
  };
}
