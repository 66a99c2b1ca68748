import { describe, expect, it } from 'vitest';
import { defaultPolicy, parseSitePolicy } from '@shared/policy';
import { registerNewCallShortcut } from '../../../src/main/electron/new-call-shortcut';

describe('the system-wide new-call key', () => {
  it('is Ctrl/Cmd+Alt+N unless the policy sets another or none; a bare key or a typo is refused', () => {
    expect(defaultPolicy().newCallShortcut).toBe('CommandOrControl+Alt+N');
    for (const ok of ['CommandOrControl+Shift+F9', 'Ctrl+Alt+1', 'Super+F24']) {
      expect(parseSitePolicy({ newCallShortcut: ok }).ok, ok).toBe(true);
    }
    const off = parseSitePolicy({ newCallShortcut: null });
    expect(off.ok && off.policy.newCallShortcut).toBeNull();
    for (const bad of ['N', 'F9', 'Ctrl+', 'Control+Alt+Enter', 'Hyper+N', 'ctrl+alt+n']) {
      const result = parseSitePolicy({ newCallShortcut: bad });
      expect(result.ok, bad).toBe(false);
    }
  });

  it('registers the key, says when another application holds it, and registers nothing when off', () => {
    const registered: string[] = [];
    const free = { register: (key: string) => (registered.push(key), true) };
    const held = { register: () => false };
    let pressed = 0;
    expect(registerNewCallShortcut(free, 'CommandOrControl+Alt+N', () => pressed++)).toBe('registered');
    expect(registered).toEqual(['CommandOrControl+Alt+N']);
    expect(registerNewCallShortcut(held, 'CommandOrControl+Alt+N', () => pressed++)).toBe('taken');
    expect(registerNewCallShortcut(free, null, () => pressed++)).toBe('off');
    expect(registered).toHaveLength(1);
  });
});
