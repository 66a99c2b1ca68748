import { create } from 'zustand';

/** UI state of the incidents feature only: whether the declaration dialog is open, and with what preset. */
interface IncidentsUi {
  declare: { open: boolean; scenario?: string; offered?: string };
  openDeclare(preset?: { scenario?: string; offered?: string }): void;
  closeDeclare(): void;
  /** A message for the lead (a failed write), shown on the incident page until replaced. */
  notice: string | null;
  setNotice(notice: string | null): void;
}

export const useIncidentsUi = create<IncidentsUi>((set) => ({
  declare: { open: false },
  openDeclare: (preset = {}) => set({ declare: { open: true, ...preset } }),
  closeDeclare: () => set({ declare: { open: false } }),
  notice: null,
  setNotice: (notice) => set({ notice }),
}));
