import { useCallback, useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

/** A save still unconfirmed after this long shows the empty form anyway (a slow disk, main unreachable). */
const CLEAR_AFTER_MS = 60;

/** How the agent moved on to the next call, which decides where the cursor goes. */
export type MoveOn =
  /** A key: it belongs to the next call, so the cursor goes to its first field first (Tab keeps its own move). */
  | { kind: 'key'; key: string }
  /** A click or focus into a field: the agent chose where to type. */
  | { kind: 'focus' }
  /** A value changed without a key first (a picked option): that field already belongs to the next call. */
  | { kind: 'input'; field: string | null }
  /** The save was confirmed, or took long: the cursor goes to the first field unless the agent put it elsewhere. */
  | { kind: 'settled' };

/**
 * Empties the form for the next call at the first sign the agent has moved on to it — a key, a click, a value going
 * into a field — or when the save is confirmed (or CLEAR_AFTER_MS after Enter), whichever comes first. Not at the
 * Enter itself: emptying the fields makes the page lay out and paint again, and that frame would sit on the main
 * thread exactly when IndexedDB and main answer, adding its time to every save (ADR 0009). Keys typed while a save is
 * in flight are never lost: the first one empties the form before it lands.
 */
export function useNextCall(formRef: RefObject<HTMLFormElement | null>, clear: (how: MoveOn) => void) {
  const armed = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const clearRef = useRef(clear);
  useLayoutEffect(() => {
    clearRef.current = clear;
  });

  const fire = useCallback((how: MoveOn): boolean => {
    if (!armed.current) return false;
    armed.current = false;
    clearTimeout(timer.current);
    clearRef.current(how);
    return true;
  }, []);

  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    const onKey = (event: KeyboardEvent) => {
      // A modifier alone is not yet a key of the next call.
      if (['Shift', 'Control', 'Alt', 'Meta'].includes(event.key)) return;
      const from = document.activeElement;
      if (!fire({ kind: 'key', key: event.key })) return;
      // The cursor moved to the next call's first field, but the browser still types this key where it was: typed
      // into the new field here instead (an IME composition is left to the browser).
      const to = document.activeElement;
      const printable = event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
      if (to !== from && printable && !event.isComposing && to instanceof HTMLInputElement) {
        event.preventDefault();
        const end = to.value.length;
        to.setRangeText(event.key, to.selectionStart ?? end, to.selectionEnd ?? end, 'end');
        // React (and so the form) hears the change as if typed.
        to.dispatchEvent(new Event('input', { bubbles: true }));
      }
    };
    const onFocus = () => fire({ kind: 'focus' });
    const onBeforeInput = () => fire({ kind: 'key', key: '' });
    const onInput = (event: Event) => {
      const target = event.target as HTMLInputElement | HTMLSelectElement | null;
      fire({ kind: 'input', field: target?.name || null });
    };
    // Capture: the form is emptied before the key's own handlers and its default action run.
    const listeners: [string, (event: Event) => void][] = [
      ['keydown', (event) => onKey(event as KeyboardEvent)],
      ['pointerdown', onFocus],
      ['focusin', onFocus],
      ['beforeinput', onBeforeInput],
      ['input', onInput],
      ['change', onInput],
    ];
    for (const [type, listener] of listeners) form.addEventListener(type, listener, { capture: true });
    return () => {
      for (const [type, listener] of listeners) form.removeEventListener(type, listener, { capture: true });
    };
  }, [formRef, fire]);

  return {
    /** Enter was accepted: the form empties at the first sign of the next call. */
    arm: useCallback(() => {
      armed.current = true;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => fire({ kind: 'settled' }), CLEAR_AFTER_MS);
    }, [fire]),
    /** The save is confirmed: empty the form now if nothing did yet. */
    settle: useCallback(() => fire({ kind: 'settled' }), [fire]),
    /** The save failed: the form keeps the call (if it was emptied already, the caller puts the call back). */
    disarm: useCallback(() => {
      armed.current = false;
      clearTimeout(timer.current);
    }, []),
  };
}
