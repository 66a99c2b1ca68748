import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import type { FloorguardDb } from '../../data/db';
import { useLocalStore } from '../../data/local-store';
import { DEFAULT_AGENT_COUNT } from './checklist-model';

/**
 * The agent count that sizes an incident's call-in pool, remembered per incident on this seat. It is a working
 * figure the lead types in, not a record of what happened, so it lives with the drafts rather than in the event log.
 */
const key = (incidentId: string) => `checklist:agents:${incidentId}`;

export const MAX_AGENTS = 10_000;

export async function loadAgentCount(db: FloorguardDb, incidentId: string): Promise<number> {
  const row = await db.drafts.get(key(incidentId));
  return typeof row?.value === 'number' && Number.isInteger(row.value) && row.value >= 0
    ? row.value
    : DEFAULT_AGENT_COUNT;
}

export async function saveAgentCount(db: FloorguardDb, incidentId: string, count: number): Promise<void> {
  const clean = Math.min(MAX_AGENTS, Math.max(0, Math.round(count)));
  await db.drafts.put({ key: key(incidentId), value: clean, updatedAt: new Date().toISOString() });
}

/** The count for an incident (the default until one is saved) and a setter; undefined while the first read runs. */
export function useAgentCount(incidentId: string | undefined): [number | undefined, (count: number) => void] {
  const { db } = useLocalStore();
  const count = useLiveQuery(
    () => (incidentId ? loadAgentCount(db, incidentId) : undefined),
    [db, incidentId],
  );
  const set = useCallback(
    (next: number) => {
      if (incidentId && Number.isFinite(next)) void saveAgentCount(db, incidentId, next);
    },
    [db, incidentId],
  );
  return [count, set];
}
