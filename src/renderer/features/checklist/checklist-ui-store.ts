import { create } from 'zustand';

/** What a step's inline form is asking for. */
export type StepFormKind = 'skip' | 'note';

/** UI state of the checklist place only; the checklist itself is derived from the incident log. */
interface ChecklistUi {
  /** The incident chosen in the picker; null follows the most recently declared open one. */
  incidentId: string | null;
  selectIncident(id: string | null): void;
  /** The step the keyboard is on. */
  focusedStepId: string | null;
  focusStep(id: string | null): void;
  /** The inline skip-reason or note form that is open, if any (one at a time: the keys stay predictable). */
  form: { stepId: string; kind: StepFormKind } | null;
  openForm(stepId: string, kind: StepFormKind): void;
  closeForm(): void;
  /** What the print sheet shows: the running checklist, or a blank template for paper. */
  print: { kind: 'running' } | { kind: 'blank'; templateId: string };
  setPrint(print: ChecklistUi['print']): void;
  /** A message for the lead (a failed write, a copy that did not work). */
  notice: string | null;
  setNotice(notice: string | null): void;
}

export const useChecklistUi = create<ChecklistUi>((set) => ({
  incidentId: null,
  selectIncident: (incidentId) => set({ incidentId, focusedStepId: null, form: null }),
  focusedStepId: null,
  focusStep: (focusedStepId) => set({ focusedStepId }),
  form: null,
  openForm: (stepId, kind) => set({ form: { stepId, kind }, focusedStepId: stepId }),
  closeForm: () => set({ form: null }),
  print: { kind: 'running' },
  setPrint: (print) => set({ print }),
  notice: null,
  setNotice: (notice) => set({ notice }),
}));
