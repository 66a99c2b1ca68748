import type { ReactElement } from 'react';
import { CallSheetPage } from '../features/calls/CallSheetPage';
import { ChecklistPage } from '../features/checklist/ChecklistPage';
import { ContactsPage } from '../features/contacts/ContactsPage';
import { IncidentPage } from '../features/incidents/IncidentPage';
import { PowerPage } from '../features/power/PowerPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { DiagnosticsPanel } from '../features/diagnostics/DiagnosticsPanel';
import { SettingsPage } from '../features/settings/SettingsPage';
import type { Place } from './places';

/** What each place shows. One line per place, so features can land independently. */
export const PAGES: Record<Place, () => ReactElement> = {
  calls: CallSheetPage,
  incident: IncidentPage,
  checklist: ChecklistPage,
  contacts: ContactsPage,
  power: PowerPage,
  reports: ReportsPage,
  settings: () => (
    <>
      <SettingsPage />
      <DiagnosticsPanel />
    </>
  ),
};
