import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QueuedTrayAction, TrayMenu } from '@shared/incidents/tray';
import { defaultPolicy } from '@shared/policy';
import { createNetworkMonitor } from '../../../src/main/services/network/network-monitor';
import {
  createSettingsService,
  memorySettingsBackend,
} from '../../../src/main/services/settings/settings-service';
import { createTrayActionQueue, createTrayService } from '../../../src/main/services/tray-actions';
import { buildCatalogue } from '@shared/checklists';
import { trayMenuContext } from '@shared/incidents/tray';
import { typhoonTemplate } from '../checklists/helpers';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'floorguard-tray-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const declare = { kind: 'declare', scenario: 'fire', level: 'major' } as const;

describe('tray action queue', () => {
  it('keeps an action on disk until the renderer acknowledges it, across restarts', async () => {
    const file = join(dir, 'tray-actions.json');
    const queue = createTrayActionQueue({ file, now: () => new Date('2025-03-04T02:00:00Z') });
    const heard: QueuedTrayAction[] = [];
    queue.onAction((a) => heard.push(a));
    const queued = await queue.enqueue(declare);
    expect(queued).toMatchObject({ at: '2025-03-04T02:00:00.000Z', action: declare });
    expect(heard).toEqual([queued]);

    // Main restarted before the renderer confirmed: the action is still there.
    const again = createTrayActionQueue({ file });
    expect(await again.pending()).toEqual([queued]);
    expect(await again.ack([queued.id])).toBe(1);
    expect(await again.pending()).toEqual([]);
    expect(await again.ack([queued.id])).toBe(0);
  });

  it('never loses one of two clicks made at once', async () => {
    const queue = createTrayActionQueue({ file: join(dir, 'q.json') });
    await Promise.all([queue.enqueue(declare), queue.enqueue({ kind: 'new-call' })]);
    expect((await queue.pending()).map((a) => a.action.kind).sort()).toEqual(['declare', 'new-call']);
  });

  it('skips a damaged entry and keeps the rest; an unreadable file is an empty queue', async () => {
    const file = join(dir, 'q.json');
    const queue = createTrayActionQueue({ file });
    const good = await queue.enqueue(declare);
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { actions: unknown[] };
    writeFileSync(
      file,
      JSON.stringify({ actions: [...stored.actions, { id: 'x', action: { kind: 'explode' } }] }),
    );
    expect(await queue.pending()).toEqual([good]);
    writeFileSync(file, '{ not json');
    expect(await queue.pending()).toEqual([]);
  });
});

describe('tray service', () => {
  function setup() {
    const settings = createSettingsService(memorySettingsBackend());
    const network = createNetworkMonitor({ probe: () => true, intervalMs: 60_000 });
    const queue = createTrayActionQueue({ file: join(dir, 'q.json') });
    const tray = createTrayService({ queue, settings, network, policy: defaultPolicy });
    return { settings, network, queue, tray };
  }

  it('builds the menu from what the renderer reported, and tells when it changes', () => {
    const { tray, settings, network } = setup();
    const menus: TrayMenu[] = [];
    tray.onChange((m) => menus.push(m));
    tray.report({
      pendingSync: 4,
      power: 'ok',
      incidents: [
        {
          id: '0195f0a0-0000-7000-8000-000000000001',
          scenario: 'fire',
          level: 'urgent',
          urgency: 'overdue',
          nextContact: null,
        },
      ],
    });
    expect(menus.at(-1)?.icon).toBe('overdue');
    expect(menus.at(-1)?.items[0]).toEqual({ kind: 'label', label: '网络正常 · 待同步 4 条 · 电源正常' });
    settings.update({ locale: 'en' });
    expect(menus.at(-1)?.items[0]).toEqual({ kind: 'label', label: 'Online · 4 pending sync · Power OK' });
    tray.dispose();
    network.dispose();
  });

  it("declares from the seat's own levels and scenarios once the renderer reports them (the file's until then)", () => {
    const { tray, network } = setup();
    const declareMenu = () => {
      const item = tray.menu().items.find((i) => i.kind === 'submenu' && i.label === '宣布事件');
      return item?.kind === 'submenu' ? item.items : [];
    };
    expect(declareMenu().map((i) => ('label' in i ? i.label : ''))).not.toContain('台风');
    // The centre's policy has two levels only, and the site added a typhoon checklist.
    const catalogue = buildCatalogue({ site: { templates: [typhoonTemplate()], scripts: [] } });
    const levels = [
      { id: 'red', label: { zh: '红色', en: 'Red' } },
      { id: 'blue', label: { zh: '蓝色', en: 'Blue' } },
    ];
    tray.report({ pendingSync: 0, power: 'ok', incidents: [], menu: trayMenuContext(levels, catalogue) });
    const typhoon = declareMenu().find((i) => 'label' in i && i.label === '台风');
    expect(typhoon?.kind === 'submenu' && typhoon.items.map((i) => i.kind === 'action' && i.action)).toEqual([
      { kind: 'declare', scenario: 'typhoon', level: 'red' },
      { kind: 'declare', scenario: 'typhoon', level: 'blue' },
    ]);
    // An open incident of that scenario is named by its title too, not its id.
    tray.report({
      pendingSync: 0,
      power: 'ok',
      incidents: [
        {
          id: '0195f0a0-0000-7000-8000-000000000002',
          scenario: 'typhoon',
          level: 'blue',
          urgency: 'ok',
          nextContact: null,
        },
      ],
      menu: trayMenuContext(levels, catalogue),
    });
    expect(tray.menu().items.map((i) => ('label' in i ? i.label : ''))).toContain(
      '提升级别：台风 · 蓝色 → 红色',
    );
    tray.dispose();
    network.dispose();
  });

  it('queues renderer actions and hands main its own', async () => {
    const { tray, queue, network } = setup();
    const host: string[] = [];
    tray.onHostAction((a) => host.push(a.kind));
    expect(await tray.activate(declare)).toBe(true);
    expect(await tray.activate({ kind: 'quit' })).toBe(false);
    expect(await tray.activate({ kind: 'open-console' })).toBe(false);
    expect((await queue.pending()).map((a) => a.action)).toEqual([declare]);
    expect(host).toEqual(['declare', 'quit', 'open-console']);
    tray.dispose();
    network.dispose();
  });
});
