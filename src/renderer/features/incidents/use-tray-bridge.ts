import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
  trayMenuContext,
  type EscalationPlan,
  type IncidentState,
  type QueuedTrayAction,
  type TrayReport,
} from '@shared/incidents';
import { useTemplates } from '../checklist/use-templates';
import { useNavStore } from '../../app/nav-store';
import { usePolicyStore } from '../../app/policy-store';
import { floorguard } from '../../bridge/floorguard';
import { useLocalStore } from '../../data/local-store';
import { useCallsUi } from '../calls/calls-ui-store';
import { selectFloorPower, useMonitorsStore } from '../power/monitors-store';
import { useSeatStore } from '../settings/seat-store';
import type { IncidentsRepository } from './incidents-repository';
import { useIncidentsUi } from './incidents-ui-store';
import { runTrayAction } from './tray-actions';
import { levelName } from './use-incidents';
import { useOutboxCount } from '../../data/outbox-count';

/**
 * The renderer's half of the tray: it reports what the menu shows (open incidents, the next person to call, pending
 * sync) and carries out the actions main queued — those sent live and those kept while no window was listening.
 */
export function useTrayBridge(
  entries: readonly { incident: IncidentState; plan: EscalationPlan }[],
  repository: IncidentsRepository,
): void {
  const { t } = useTranslation();
  const { db } = useLocalStore();
  const pendingSync = useOutboxCount(db);
  // The floor's worst power/line state, from the power feature's store (a string, so the selection is stable).
  const severity = useMonitorsStore((state) => selectFloorPower(state).severity);
  const power: TrayReport['power'] = severity === 'unmonitored' ? 'unknown' : severity;

  const levels = usePolicyStore((s) => s.state.policy.levels);
  const templates = useTemplates();
  const menu = useMemo(() => trayMenuContext(levels, templates), [levels, templates]);

  const report = useMemo<TrayReport>(
    () => ({
      pendingSync,
      power,
      menu,
      incidents: entries
        .filter((e) => e.incident.status === 'open')
        .map(({ incident, plan }) => ({
          id: incident.id,
          scenario: incident.scenario,
          level: incident.level,
          urgency: plan.urgency,
          nextContact: plan.next
            ? {
                personId: plan.next.person.id,
                name: plan.next.person.name,
                role: plan.next.step.role,
                step: plan.next.step.index,
                level: incident.level,
              }
            : null,
        })),
    }),
    [entries, pendingSync, power, menu],
  );
  // Plans are recomputed every second; main hears only real changes.
  const reportKey = JSON.stringify(report);
  useEffect(() => {
    void floorguard().invoke('tray:state', JSON.parse(reportKey) as TrayReport);
  }, [reportKey]);

  const handling = useRef(new Set<string>());
  const deps = useRef({ repository, t });
  useEffect(() => {
    deps.current = { repository, t };
  }, [repository, t]);

  useEffect(() => {
    const api = floorguard();
    const handle = async (queued: QueuedTrayAction) => {
      if (handling.current.has(queued.id)) return;
      handling.current.add(queued.id);
      const { repository: repo, t: translate } = deps.current;
      const policy = () => usePolicyStore.getState().state.policy;
      const locale = () => useSeatStore.getState().settings.locale;
      try {
        await runTrayAction(
          {
            db,
            repository: repo,
            policy,
            texts: {
              declaredFromTray: (level) =>
                translate('incidents.tray.fromTray', { level: levelName(policy(), level, locale()) }),
              raisedFromTray: translate('incidents.raise.fromTray'),
            },
            newCall: () => {
              useNavStore.getState().go('calls');
              useCallsUi.getState().requestFocus();
            },
          },
          queued,
        );
        await api.invoke('tray:ack', { ids: [queued.id] });
      } catch (error) {
        // Not acknowledged: main keeps it and the next start delivers it again.
        handling.current.delete(queued.id);
        useIncidentsUi.getState().setNotice(
          translate('incidents.saveFailed', {
            error: error instanceof Error ? error.message : String(error),
          }),
        );
      }
    };
    // Listen first, then ask for what waited: an action arriving in between is seen twice and run once.
    const off = api.on('tray:action', (queued) => void handle(queued));
    void api.invoke('tray:pending', {}).then(async (result) => {
      if (!result.ok) return;
      for (const queued of result.value.actions) await handle(queued);
    });
    return off;
  }, [db]);
}
