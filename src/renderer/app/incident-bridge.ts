import { create } from 'zustand';

/**
 * How other features ask the incident feature to act, without importing it: the power and line monitors offer to
 * declare an incident or add a note to the open one's timeline; the incident feature consumes these requests.
 */
export interface DeclareRequest {
  scenario: string;
  /** Why it is offered, in the UI language, shown in the declaration dialog. */
  reason: string;
}

interface IncidentBridge {
  declareRequest: DeclareRequest | null;
  timelineNotes: { text: string; at: string }[];
  requestDeclare(request: DeclareRequest): void;
  clearDeclareRequest(): void;
  noteOnOpenIncident(text: string, at?: Date): void;
  takeTimelineNotes(): { text: string; at: string }[];
}

export const useIncidentBridge = create<IncidentBridge>((set, get) => ({
  declareRequest: null,
  timelineNotes: [],
  requestDeclare: (declareRequest) => set({ declareRequest }),
  clearDeclareRequest: () => set({ declareRequest: null }),
  noteOnOpenIncident: (text, at = new Date()) =>
    set((s) => ({ timelineNotes: [...s.timelineNotes, { text, at: at.toISOString() }] })),
  takeTimelineNotes: () => {
    const notes = get().timelineNotes;
    set({ timelineNotes: [] });
    return notes;
  },
}));
