import type { ReactElement } from 'react';
import { CallSheetPage } from '../features/calls/CallSheetPage';
import { PlacePlaceholder } from '../features/placeholder/PlacePlaceholder';
import { SettingsPage } from '../features/settings/SettingsPage';
import type { Place } from './places';

/** What each place shows. One line per place, so features can land independently. */
export const PAGES: Record<Place, () => ReactElement> = {
  calls: CallSheetPage,
  incident: () => <PlacePlaceholder place="incident" />,
  checklist: () => <PlacePlaceholder place="checklist" />,
  contacts: () => <PlacePlaceholder place="contacts" />,
  power: () => <PlacePlaceholder place="power" />,
  reports: () => <PlacePlaceholder place="reports" />,
  settings: SettingsPage,
};
