import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrayItem, TrayMenu } from '@shared/incidents';
import { floorguard } from '../../bridge/floorguard';

/**
 * The harness's stand-in for the native tray: the very items main built with `buildTrayMenu`, fetched over IPC, and
 * each click sent back through `tray:activate` — the same path a native click takes — so e2e tests drive the tray.
 */
export function TrayPanel() {
  const { t } = useTranslation();
  const [menu, setMenu] = useState<TrayMenu | null>(null);
  useEffect(() => {
    const api = floorguard();
    const off = api.on('tray:changed', setMenu);
    void api.invoke('tray:menu', {}).then((r) => r.ok && setMenu(r.value));
    return off;
  }, []);
  if (!menu) return null;
  return (
    <nav
      className="tray-panel"
      aria-label={t('incidents.tray.panel')}
      data-testid="tray-panel"
      data-icon={menu.icon}
    >
      <ul>
        {menu.items.map((item, i) => (
          <TrayEntry key={i} item={item} />
        ))}
      </ul>
    </nav>
  );
}

function TrayEntry({ item }: { item: TrayItem }) {
  switch (item.kind) {
    case 'separator':
      return <li role="separator" className="tray-panel__sep" />;
    case 'label':
      return <li className="tray-panel__label">{item.label}</li>;
    case 'action':
      return (
        <li>
          <button
            type="button"
            onClick={() => void floorguard().invoke('tray:activate', { action: item.action })}
          >
            {item.label}
          </button>
        </li>
      );
    case 'submenu':
      return (
        <li>
          <details>
            <summary>{item.label}</summary>
            <ul>
              {item.items.map((child, i) => (
                <TrayEntry key={i} item={child} />
              ))}
            </ul>
          </details>
        </li>
      );
  }
}
