import { join } from 'node:path';
import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import type { TrayAction, TrayItem, TrayMenu } from '@shared/incidents/tray';

export interface AppTray {
  update(menu: TrayMenu): void;
  destroy(): void;
}

/**
 * The native tray: the menu main's tray service built (src/main/tray/tray-menu.ts), its icon variant from
 * `iconDir/tray-<variant>.png`, and every click handed back as a contract action.
 */
export function createAppTray(iconDir: string, onAction: (action: TrayAction) => void): AppTray {
  const image = (variant: TrayMenu['icon']) =>
    nativeImage.createFromPath(join(iconDir, `tray-${variant}.png`));
  const tray = new Tray(image('normal'));
  tray.setToolTip('Floorguard');
  tray.on('click', () => onAction({ kind: 'open-console' }));
  let icon: TrayMenu['icon'] = 'normal';

  const toTemplate = (item: TrayItem): MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'separator':
        return { type: 'separator' };
      case 'label':
        return { label: item.label, enabled: false };
      case 'submenu':
        return { label: item.label, submenu: item.items.map(toTemplate) };
      case 'action':
        return { label: item.label, click: () => onAction(item.action) };
    }
  };
  return {
    update(menu) {
      tray.setContextMenu(Menu.buildFromTemplate(menu.items.map(toTemplate)));
      tray.setToolTip(menu.tooltip);
      if (menu.icon !== icon) {
        icon = menu.icon;
        tray.setImage(image(icon));
      }
    },
    destroy: () => tray.destroy(),
  };
}
