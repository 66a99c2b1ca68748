import { create } from 'zustand';
import type { Locale } from '@shared/settings/schema';

export type ReportsTab = 'incident' | 'weekly';

interface ReportsUi {
  tab: ReportsTab;
  /** The incident the report is about; null → the most recent one. */
  incidentId: string | null;
  /** Monday 00:00 (ISO) of the reviewed week; null → the current week. */
  weekStart: string | null;
  /** The report's language, independent of the console's: a report may be needed in the other language. */
  locale: Locale | null;
  setTab(tab: ReportsTab): void;
  setIncident(id: string): void;
  setWeek(iso: string): void;
  setLocale(locale: Locale): void;
}

export const useReportsUi = create<ReportsUi>((set) => ({
  tab: 'incident',
  incidentId: null,
  weekStart: null,
  locale: null,
  setTab: (tab) => set({ tab }),
  setIncident: (incidentId) => set({ incidentId, tab: 'incident' }),
  setWeek: (weekStart) => set({ weekStart }),
  setLocale: (locale) => set({ locale }),
}));
