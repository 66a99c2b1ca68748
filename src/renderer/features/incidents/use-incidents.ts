import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { deriveIncidents, parseIncidentEvents, type IncidentState } from '@shared/incidents';
import { roleLabel } from '@shared/checklists/roles';
import { SCENARIO_IDS, SCENARIOS, type ScenarioId } from '@shared/checklists/scenarios';
import { levelOf, type SitePolicy } from '@shared/policy';
import type { Locale } from '@shared/settings/schema';
import { useLocalStore } from '../../data/local-store';
import { useSeatStore } from '../settings/seat-store';
import { createIncidentsRepository, type IncidentsRepository } from './incidents-repository';
import { pickLabel } from './format';

/** Every incident on this seat, derived from the event log in IndexedDB (live: other tabs and sync included). */
export function useIncidents(): IncidentState[] {
  const { db } = useLocalStore();
  const rows = useLiveQuery(() => db.incidentEvents.toArray(), [db]);
  // Rows written by the sync engine are checked like any input: a bad one is skipped, never fatal.
  return useMemo(() => deriveIncidents(parseIncidentEvents(rows ?? []).events), [rows]);
}

/** Whether the first read of the log has finished (so "no incident" is not flashed while loading). */
export function useIncidentsLoaded(): boolean {
  const { db } = useLocalStore();
  return useLiveQuery(() => db.incidentEvents.count().then(() => true), [db], false);
}

export function useIncidentsRepository(): IncidentsRepository {
  const store = useLocalStore();
  return useMemo(
    () =>
      createIncidentsRepository({
        db: store.db,
        clock: store.clock,
        journal: store.journal.append,
        author: () => useSeatStore.getState().settings.agentName,
        seat: () => useSeatStore.getState().settings.seatName,
      }),
    [store],
  );
}

/** The current time, refreshed every `intervalMs` (countdowns, due-soon and overdue flags). */
export function useNow(intervalMs = 1000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** A plan scenario's label; a site's own scenario takes its template's title (recorded with the incident). */
export function scenarioName(
  id: string,
  locale: Locale,
  template?: { scenarioId: string; title: { zh: string; en: string } },
): string {
  if ((SCENARIO_IDS as readonly string[]).includes(id))
    return pickLabel(SCENARIOS[id as ScenarioId].label, locale);
  if (template?.scenarioId === id) return locale === 'en' ? template.title.en : template.title.zh;
  return id;
}

export function levelName(policy: SitePolicy, id: string, locale: Locale): string {
  const level = levelOf(policy, id);
  return level ? pickLabel(level.label, locale) : id;
}

export function roleName(role: string, locale: Locale): string {
  const label = roleLabel(role);
  return label ? pickLabel(label, locale) : role;
}
