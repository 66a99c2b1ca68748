import { useEffect } from 'react';
import { PLACES } from './places';
import { useNavStore } from './nav-store';

/** Alt+1…Alt+7 switch places from anywhere, even while typing in a field. */
export function usePlaceShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const index = Number(event.code.replace('Digit', '')) - 1;
      const place = PLACES[index];
      if (!place) return;
      event.preventDefault();
      useNavStore.getState().go(place);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
