import { lazy, type ComponentType } from 'react';
import { CallSheetPage } from '../features/calls/CallSheetPage';
import type { Place } from './places';

/**
 * Every page but the call sheet is loaded after the first frame (ADR 0009): the app opens on the call sheet, and its
 * first rows should not wait for the code of the charts, checklists or reports. `preloadPages` fetches them all once
 * the call sheet is up, so switching places does not wait either.
 */
const loaders = {
  incident: () => import('../features/incidents/IncidentPage').then((m) => ({ default: m.IncidentPage })),
  checklist: () => import('../features/checklist/ChecklistPage').then((m) => ({ default: m.ChecklistPage })),
  contacts: () => import('../features/contacts/ContactsPage').then((m) => ({ default: m.ContactsPage })),
  power: () => import('../features/power/PowerPage').then((m) => ({ default: m.PowerPage })),
  reports: () => import('../features/reports/ReportsPage').then((m) => ({ default: m.ReportsPage })),
  settings: () =>
    Promise.all([
      import('../features/settings/SettingsPage'),
      import('../features/diagnostics/DiagnosticsPanel'),
    ]).then(([{ SettingsPage }, { DiagnosticsPanel }]) => ({
      default: () => (
        <>
          <SettingsPage />
          <DiagnosticsPanel />
        </>
      ),
    })),
} satisfies Record<Exclude<Place, 'calls'>, () => Promise<{ default: ComponentType }>>;

/** What each place shows. One line per place, so features can land independently. */
export const PAGES: Record<Place, ComponentType> = {
  calls: CallSheetPage,
  incident: lazy(loaders.incident),
  checklist: lazy(loaders.checklist),
  contacts: lazy(loaders.contacts),
  power: lazy(loaders.power),
  reports: lazy(loaders.reports),
  settings: lazy(loaders.settings),
};

/** Fetches (and evaluates) the other pages' code in the background. */
export function preloadPages(): Promise<unknown> {
  return Promise.all(Object.values(loaders).map((load) => load()));
}
