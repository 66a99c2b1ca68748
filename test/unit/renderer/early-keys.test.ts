import { describe, expect, it } from 'vitest';
import { withKey, type EarlyKeys, type KeyPress } from '../../../src/renderer/boot/early-keys';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  isComposing: false,
  ...extra,
});
const typed = (...keys: (string | KeyPress)[]): EarlyKeys =>
  keys.reduce<EarlyKeys>((kept, key) => withKey(kept, typeof key === 'string' ? press(key) : key), {
    text: '',
    dropped: false,
  });

describe('keys typed before the call form can take them', () => {
  it('keeps characters in order, with Backspace applied', () => {
    expect(typed('1', '3', '9', 'Backspace', '8', ' ', '+')).toEqual({ text: '138 +', dropped: false });
    expect(typed('Backspace')).toEqual({ text: '', dropped: false });
  });

  it('keeps Shift-typed characters and ignores bare modifier presses', () => {
    expect(typed('Shift', press('A', {}), 'CapsLock', '王')).toEqual({ text: 'A王', dropped: false });
    expect(typed('😀', 'Backspace', 'x')).toEqual({ text: 'x', dropped: false });
  });

  it('stops at a key it cannot replay, keeping what came before', () => {
    expect(typed('1', '3', 'Tab', '9')).toEqual({ text: '13', dropped: true });
    expect(typed('1', 'Enter', 'Backspace')).toEqual({ text: '1', dropped: true });
    expect(typed('1', press('n', { altKey: true }), '2')).toEqual({ text: '1', dropped: true });
    expect(typed('1', press('v', { ctrlKey: true }))).toEqual({ text: '1', dropped: true });
    expect(typed('1', press('Process', { isComposing: true }))).toEqual({ text: '1', dropped: true });
    expect(typed('F5')).toEqual({ text: '', dropped: true });
  });
});
