import { describe, expect, it } from 'vitest';
import { buildTrayMenu } from '../../../src/main/tray/tray-menu';

describe('tray menu', () => {
  it('shows the status line and actions in Chinese by default', () => {
    const menu = buildTrayMenu({ locale: 'zh-CN', online: false, pendingSync: 12 });
    expect(menu[0]).toEqual({ kind: 'label', label: '网络中断 · 待同步 12 条' });
    expect(menu.filter((i) => i.kind === 'action').map((i) => i.label)).toEqual([
      '打开控制台',
      '退出 Floorguard',
    ]);
  });

  it('follows the seat language', () => {
    const menu = buildTrayMenu({ locale: 'en', online: true, pendingSync: 0 });
    expect(menu[0]).toEqual({ kind: 'label', label: 'Online · 0 pending sync' });
    expect(menu.at(-1)).toEqual({ kind: 'action', label: 'Quit Floorguard', action: 'quit' });
  });
});
