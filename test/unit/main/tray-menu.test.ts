import { describe, expect, it } from 'vitest';
import type { TrayIncident, TrayItem } from '@shared/incidents/tray';
import { defaultPolicy } from '@shared/policy';
import { buildTrayMenu, trayIcon, trayTooltip } from '../../../src/main/tray/tray-menu';

const levels = defaultPolicy().levels;
const incident = (over: Partial<TrayIncident> = {}): TrayIncident => ({
  id: '0195f0a0-0000-7000-8000-000000000001',
  scenario: 'power-cut',
  level: 'urgent',
  urgency: 'ok',
  nextContact: {
    personId: 'example-cs-manager',
    name: 'Li Lei',
    role: 'cs-manager',
    step: 0,
    level: 'urgent',
  },
  ...over,
});

const actions = (items: TrayItem[]) =>
  items.filter((i): i is Extract<TrayItem, { kind: 'action' }> => i.kind === 'action');
const submenu = (items: TrayItem[], label: string) => {
  const found = items.find((i) => i.kind === 'submenu' && i.label === label);
  if (found?.kind !== 'submenu') throw new Error(`no submenu ${label}`);
  return found.items;
};

describe('tray menu', () => {
  it('shows the status line and actions in Chinese by default', () => {
    const menu = buildTrayMenu({ locale: 'zh-CN', online: false, pendingSync: 12, power: 'warning' });
    expect(menu[0]).toEqual({ kind: 'label', label: '网络中断 · 待同步 12 条 · 电源告警' });
    expect(actions(menu).map((i) => i.label)).toEqual(['新建来电记录', '打开控制台', '退出 Floorguard']);
  });

  it('follows the seat language', () => {
    const menu = buildTrayMenu({ locale: 'en', online: true, pendingSync: 0 });
    expect(menu[0]).toEqual({ kind: 'label', label: 'Online · 0 pending sync' });
    expect(menu.at(-1)).toEqual({ kind: 'action', label: 'Quit Floorguard', action: { kind: 'quit' } });
  });

  it('declares from a scenario ▸ level submenu with the policy scale', () => {
    const menu = buildTrayMenu({ locale: 'zh-CN', online: true, pendingSync: 0, levels });
    const scenarios = submenu(menu, '宣布事件');
    expect(scenarios).toHaveLength(22);
    const power = submenu(scenarios, '断电');
    expect(actions(power).map((i) => [i.label, i.action])).toEqual([
      ['重大', { kind: 'declare', scenario: 'power-cut', level: 'major' }],
      ['紧急', { kind: 'declare', scenario: 'power-cut', level: 'urgent' }],
      ['严重', { kind: 'declare', scenario: 'power-cut', level: 'serious' }],
      ['一般', { kind: 'declare', scenario: 'power-cut', level: 'general' }],
    ]);
  });

  it('offers to raise each open incident one level and to mark its next contact notified', () => {
    const menu = buildTrayMenu({
      locale: 'en',
      online: true,
      pendingSync: 3,
      levels,
      incidents: [incident({ urgency: 'overdue' })],
    });
    expect(menu[1]).toEqual({ kind: 'label', label: '1 open incident(s) · A deadline is overdue' });
    const labels = actions(menu).map((i) => i.label);
    expect(labels).toContain('Raise Power cut · Urgent to Major');
    expect(labels).toContain('Mark Li Lei (Customer-service manager) notified · Power cut · Urgent');
    expect(actions(menu).find((i) => i.action.kind === 'raise-level')?.action).toEqual({
      kind: 'raise-level',
      incidentId: incident().id,
      from: 'urgent',
      to: 'major',
    });
    expect(actions(menu).find((i) => i.action.kind === 'mark-notified')?.action).toEqual({
      kind: 'mark-notified',
      incidentId: incident().id,
      personId: 'example-cs-manager',
      role: 'cs-manager',
      step: 0,
      level: 'urgent',
    });
  });

  it('has nothing to raise at the top of the scale and nobody to mark when the chain is done', () => {
    const menu = buildTrayMenu({
      locale: 'zh-CN',
      online: true,
      pendingSync: 0,
      levels,
      incidents: [incident({ level: 'major', nextContact: null })],
    });
    expect(actions(menu).map((i) => i.action.kind)).toEqual(['new-call', 'open-console', 'quit']);
  });

  it('picks the icon by the worst state: overdue, offline, incident, normal', () => {
    expect(trayIcon({ online: true })).toBe('normal');
    expect(trayIcon({ online: true, incidents: [incident()] })).toBe('incident');
    expect(trayIcon({ online: false, incidents: [incident()] })).toBe('offline');
    expect(trayIcon({ online: false, incidents: [incident({ urgency: 'overdue' })] })).toBe('overdue');
    // The floor's worst power state shows in the icon too.
    expect(trayIcon({ online: true, power: 'warning' })).toBe('incident');
    expect(trayIcon({ online: false, power: 'critical' })).toBe('overdue');
    expect(trayIcon({ online: true, power: 'ok' })).toBe('normal');
    expect(trayIcon({ online: true, incidents: [incident({ urgency: 'due-soon' })] })).toBe('incident');
  });

  it('says how many incidents are open in the tooltip', () => {
    expect(trayTooltip({ locale: 'zh-CN' })).toBe('Floorguard');
    expect(trayTooltip({ locale: 'zh-CN', incidents: [incident(), incident()] })).toBe(
      'Floorguard · 进行中事件 2 起',
    );
  });
});
