import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, net, session } from 'electron';
import { createDispatcher } from '@shared/ipc/dispatcher';
import { electronStoreBackend } from './electron/electron-store-backend';
import { denyPermissions, hardenApp } from './electron/hardening';
import { bindIpcMain, sendEvent } from './electron/ipc-binding';
import { createMainWindow } from './electron/main-window';
import { createAppTray } from './electron/tray';
import { isTrustedRendererUrl } from './security/trusted-url';
import { createHandlers, forwardEvents, type MainServices } from './services/handlers';
import { createJournal } from './services/journal/journal';
import { loadSitePolicy, sitePolicyPath } from './services/policy/site-policy-source';
import { createNetworkMonitor } from './services/network/network-monitor';
import { createSettingsService } from './services/settings/settings-service';

// Wiring only: every behaviour lives in ./services (plain, injectable, tested without Electron).

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void start();
}

async function start(): Promise<void> {
  let quitting = false;
  let window: BrowserWindow | null = null;
  const rendererFile = join(import.meta.dirname, '../renderer/index.html');
  const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
  const trusted = { rendererFileUrl: pathToFileURL(rendererFile).href, devServerUrl };
  const isTrustedUrl = (url: string) => isTrustedRendererUrl(url, trusted);
  const assets = app.isPackaged ? process.resourcesPath : join(import.meta.dirname, '../../assets');

  hardenApp(app, isTrustedUrl);
  await app.whenReady();
  denyPermissions(session.defaultSession);

  const services: MainServices = {
    appInfo: {
      name: app.getName(),
      version: app.getVersion(),
      host: 'electron',
      platform: process.platform,
      userDataDir: app.getPath('userData'),
    },
    settings: createSettingsService(electronStoreBackend()),
    network: createNetworkMonitor({ probe: () => net.isOnline() }),
    journal: createJournal({ dir: join(app.getPath('userData'), 'journal') }),
    policy: await loadSitePolicy(sitePolicyPath(process.platform, process.env)),
  };
  bindIpcMain(ipcMain, createDispatcher(createHandlers(services)), isTrustedUrl);

  const showWindow = () => {
    window ??= createMainWindow({
      preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
      iconPath: join(assets, 'icons/icon-256.png'),
      isQuitting: () => quitting,
      load: (w) => (devServerUrl ? w.loadURL(devServerUrl) : w.loadFile(rendererFile)),
    });
    window.show();
    window.focus();
  };

  const tray = createAppTray(join(assets, 'icons/tray-normal.png'), (action) => {
    if (action === 'open-console') showWindow();
    if (action === 'quit') {
      quitting = true;
      app.quit();
    }
  });
  const refreshTray = () =>
    tray.update({
      locale: services.settings.get().locale,
      online: services.network.status().online,
      pendingSync: 0,
    });
  refreshTray();

  forwardEvents(services, (event, payload) => {
    refreshTray();
    for (const w of BrowserWindow.getAllWindows()) sendEvent(w.webContents, event, payload);
  });

  app.on('second-instance', showWindow);
  app.on('before-quit', () => {
    quitting = true;
  });
  // The console lives in the tray: closing every window does not quit.
  app.on('window-all-closed', () => undefined);
  showWindow();
}
