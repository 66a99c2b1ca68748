import { create } from 'zustand';
import { EMPTY_FILTER, type CallFilter, type CallSort } from '@shared/calls/filter';

interface CallsUiState {
  filter: CallFilter;
  sort: CallSort;
  selected: ReadonlySet<string>;
  /** Bumped by F2 (or the tray) to put the cursor in the phone field. */
  focusRequest: number;
  notice: { kind: 'ok' | 'warn'; text: string } | null;
  setFilter(patch: Partial<CallFilter>): void;
  setSort(sort: CallSort): void;
  toggle(id: string): void;
  clearSelection(): void;
  requestFocus(): void;
  notify(notice: CallsUiState['notice']): void;
}

export const useCallsUi = create<CallsUiState>((set) => ({
  filter: EMPTY_FILTER,
  sort: 'newest',
  selected: new Set(),
  focusRequest: 0,
  notice: null,
  setFilter: (patch) => set((s) => ({ filter: { ...s.filter, ...patch } })),
  setSort: (sort) => set({ sort }),
  toggle: (id) =>
    set((s) => {
      const selected = new Set(s.selected);
      if (!selected.delete(id)) selected.add(id);
      return { selected };
    }),
  clearSelection: () => set({ selected: new Set() }),
  requestFocus: () => set((s) => ({ focusRequest: s.focusRequest + 1 })),
  notify: (notice) => set({ notice }),
}));
