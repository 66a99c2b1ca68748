import {
  deriveIncident,
  parseIncidentEvents,
  type QueuedTrayAction,
  isRendererTrayAction,
} from '@shared/incidents';
import { compareLevels, type SitePolicy } from '@shared/policy';
import type { FloorguardDb } from '../../data/db';
import { loadCatalogue } from '../checklist/use-templates';
import { declareIncident, loadSuggestion } from './declare';
import type { IncidentsRepository } from './incidents-repository';

export interface TrayActionDeps {
  db: FloorguardDb;
  repository: IncidentsRepository;
  policy: () => SitePolicy;
  /** Texts recorded with the action, in the seat's language (reasons the log requires). */
  texts: { declaredFromTray: (level: string) => string; raisedFromTray: string };
  newCall: () => void;
  now?: () => Date;
}

/**
 * Carries out one tray action. The resulting event takes the action's id, so an action delivered twice (by the
 * event and again by `tray:pending` after a crash) is recorded once; and it takes the click's time, not the delivery's.
 */
export async function runTrayAction(deps: TrayActionDeps, queued: QueuedTrayAction): Promise<void> {
  const { action } = queued;
  if (!isRendererTrayAction(action)) return;
  // The click's time, unless main's clock is ahead of this seat's: nothing happens in the renderer's future.
  const now = deps.now?.() ?? new Date();
  const clicked = new Date(queued.at);
  const options = { id: queued.id, occurredAt: clicked < now ? clicked : now };
  switch (action.kind) {
    case 'new-call':
      deps.newCall();
      return;
    case 'declare': {
      const policy = deps.policy();
      const suggestion = await loadSuggestion(deps.db, policy, options.occurredAt);
      const differs = suggestion.level !== null && suggestion.level !== action.level;
      const { current: templates } = await loadCatalogue(deps.db, policy);
      await declareIncident(
        deps.repository,
        {
          scenario: action.scenario,
          level: action.level,
          description: '',
          ...(differs ? { overrideReason: deps.texts.declaredFromTray(action.level) } : {}),
        },
        suggestion,
        templates,
        options,
      );
      return;
    }
    case 'raise-level': {
      const incident = await current(deps.db, action.incidentId);
      // Someone may have raised it meanwhile: never lower a level from a stale menu.
      if (!incident || compareLevels(deps.policy(), action.to, incident.level) >= 0) return;
      await deps.repository.append(
        action.incidentId,
        'incident.level-changed',
        { from: incident.level, to: action.to, reason: deps.texts.raisedFromTray },
        options,
      );
      return;
    }
    case 'mark-notified': {
      const { incidentId, personId, role, step, level } = action;
      await deps.repository.append(
        incidentId,
        'incident.person-notified',
        { personId, role, step, level },
        options,
      );
      return;
    }
  }
}

async function current(db: FloorguardDb, incidentId: string) {
  const rows = await db.incidentEvents.where('incidentId').equals(incidentId).toArray();
  return deriveIncident(parseIncidentEvents(rows).events, incidentId);
}
