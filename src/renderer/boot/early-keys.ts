/**
 * Keys typed before the call form can take them. The boot's copy of the sheet is inert, and the app's form is not
 * focused until a moment after its first frame, so an agent who starts typing the caller's number as soon as the
 * sheet appears would lose the first digits — and a number missing its first digits can still look valid. From the
 * boot's first moment these keys are kept here; the form takes them when it starts (CallForm) and puts them in
 * front of anything typed into it since.
 */

export interface EarlyKeys {
  /** The text typed, with Backspace applied. */
  text: string;
  /** A key was pressed whose effect cannot be replayed (Enter, Tab, a shortcut, an input method, or any key after a
   * click into the sheet): it and every key after it were not kept. */
  dropped: boolean;
}

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  isComposing: boolean;
}

const NONE: EarlyKeys = { text: '', dropped: false };
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock']);

/** The keys so far, after one more key press. */
export function withKey(keys: EarlyKeys, press: KeyPress): EarlyKeys {
  if (keys.dropped || MODIFIERS.has(press.key)) return keys;
  if (!press.ctrlKey && !press.altKey && !press.metaKey && !press.isComposing) {
    // One character (an astral one is two UTF-16 units); named keys ("Enter", "F5", "Process") are longer.
    if ([...press.key].length === 1) return { ...keys, text: keys.text + press.key };
    if (press.key === 'Backspace') return { ...keys, text: [...keys.text].slice(0, -1).join('') };
  }
  return { ...keys, dropped: true };
}

let kept: EarlyKeys = NONE;
let listening = false;
// A click into the copy of the sheet (it takes none): the keys after it were meant for wherever it pointed.
let pointed = false;

function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLElement && target.isContentEditable)
  );
}

function onKeyDown(event: KeyboardEvent): void {
  // A field of the app has focus: the key is its own.
  if (isEditable(event.target) || kept.dropped) return;
  // After a click the keys belong to the field clicked, which the form does not know: none of them is guessed at.
  kept = pointed && !MODIFIERS.has(event.key) ? { ...kept, dropped: true } : withKey(kept, event);
  if (!kept.dropped) event.preventDefault();
}

function onPointerDown(event: PointerEvent): void {
  if (!isEditable(event.target)) pointed = true;
}

/** Starts keeping the keys typed while nothing can take them (boot/start.ts). */
export function keepEarlyKeys(): void {
  if (listening) return;
  listening = true;
  window.addEventListener('keydown', onKeyDown, true);
  window.addEventListener('pointerdown', onPointerDown, true);
}

/** Stops keeping keys and hands over those kept (once: later calls get none). */
export function takeEarlyKeys(): EarlyKeys {
  if (listening) {
    window.removeEventListener('keydown', onKeyDown, true);
    window.removeEventListener('pointerdown', onPointerDown, true);
  }
  listening = false;
  const taken = kept;
  kept = NONE;
  pointed = false;
  return taken;
}
