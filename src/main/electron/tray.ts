import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import { buildTrayMenu, type TrayAction, type TrayItem, type TrayState } from '../tray/tray-menu';

export interface AppTray {
  update(state: TrayState): void;
  destroy(): void;
}

export function createAppTray(iconPath: string, onAction: (action: TrayAction) => void): AppTray {
  const tray = new Tray(nativeImage.createFromPath(iconPath));
  tray.setToolTip('Floorguard');
  tray.on('click', () => onAction('open-console'));
  const toTemplate = (item: TrayItem): MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'separator':
        return { type: 'separator' };
      case 'label':
        return { label: item.label, enabled: false };
      case 'action':
        return { label: item.label, click: () => onAction(item.action) };
    }
  };
  return {
    update(state) {
      tray.setContextMenu(Menu.buildFromTemplate(buildTrayMenu(state).map(toTemplate)));
    },
    destroy: () => tray.destroy(),
  };
}
