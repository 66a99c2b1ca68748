import type { GlobalShortcut } from 'electron';

export type ShortcutState = 'off' | 'registered' | 'taken';

/**
 * The site policy's system-wide "new call" key: from any application, the console comes up with the call form.
 * Another application may hold the same key: then the tray's "新建来电记录" and the in-app key still work, and the
 * conflict is logged for IT.
 */
export function registerNewCallShortcut(
  shortcuts: Pick<GlobalShortcut, 'register'>,
  accelerator: string | null,
  onPress: () => void,
): ShortcutState {
  if (!accelerator) return 'off';
  try {
    return shortcuts.register(accelerator, onPress) ? 'registered' : 'taken';
  } catch {
    // An accelerator this platform cannot register (the policy schema already refused malformed ones).
    return 'taken';
  }
}
