import { create } from 'zustand';
import type { Place } from './places';

interface NavState {
  place: Place;
  go(place: Place): void;
}

export const useNavStore = create<NavState>((set) => ({
  place: 'calls',
  go: (place) => set({ place }),
}));
