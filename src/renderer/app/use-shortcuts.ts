import { useEffect } from 'react';
import { useCallsUi } from '../features/calls/calls-ui-store';
import { useIncidentsUi } from '../features/incidents/incidents-ui-store';
import { PLACES } from './places';
import { useNavStore } from './nav-store';

/** F2 opens a new call; Alt+1…Alt+7 switch places — from anywhere, even while typing in a field. */
export function usePlaceShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // F2: a new call, from anywhere — the most frequent action on the floor gets the cheapest key.
      if (event.key === 'F2' && !event.altKey && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        useNavStore.getState().go('calls');
        useCallsUi.getState().requestFocus();
        return;
      }
      // Alt+D or F4: declare an incident — the dialog opens on the scenario list, Enter declares.
      if (
        (event.key === 'F4' && !event.altKey && !event.ctrlKey && !event.metaKey) ||
        (event.altKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyD')
      ) {
        event.preventDefault();
        useIncidentsUi.getState().openDeclare();
        return;
      }
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
