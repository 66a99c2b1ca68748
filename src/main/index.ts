import { join } from 'node:path';
import { app, BrowserWindow, globalShortcut, ipcMain, net, protocol, safeStorage, session } from 'electron';
import { createDispatcher } from '@shared/ipc/dispatcher';
import { registerAppScheme, serveRenderer } from './electron/app-protocol';
import { electronStoreBackend } from './electron/electron-store-backend';
import { hardenApp, restrictPermissions } from './electron/hardening';
import { bindIpcMain, sendEvent } from './electron/ipc-binding';
import { createMainWindow } from './electron/main-window';
import { registerNewCallShortcut } from './electron/new-call-shortcut';
import { electronPdfHost } from './electron/print-to-pdf';
import { safeStorageSecretStore } from './electron/safe-storage-secrets';
import { electronSeatPowerSource } from './electron/seat-power';
import { createAppTray } from './electron/tray';
import { startUpdates } from './electron/updates';
import { APP_INDEX_URL } from './security/app-origin';
import { isTrustedRendererUrl } from './security/trusted-url';
import { createCentralApi, createCentralService, jsonFileEnrollmentBackend } from './services/central';
import { createHandlers, forwardEvents, type MainServices } from './services/handlers';
import { createJournal } from './services/journal/journal';
import { createLineMonitor } from './services/lines';
import { createPowerMonitor } from './services/power';
import { createReportsService } from './services/reports';
import { createSeatPowerService } from './services/seat-power';
import { loadSitePolicy, sitePolicyPath } from './services/policy/site-policy-source';
import { updatePlan } from './services/updates/update-plan';
import { createNetworkMonitor } from './services/network/network-monitor';
import { createSettingsService } from './services/settings/settings-service';
import { createTrayActionQueue, createTrayService } from './services/tray-actions';

// Wiring only: every behaviour lives in ./services (plain, injectable, tested without Electron).

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void start();
}

async function start(): Promise<void> {
  let quitting = false;
  let window: BrowserWindow | null = null;
  const rendererDir = join(import.meta.dirname, '../renderer');
  const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
  const trusted = { rendererUrl: APP_INDEX_URL, devServerUrl };
  const isTrustedUrl = (url: string) => isTrustedRendererUrl(url, trusted);
  const assets = app.isPackaged ? process.resourcesPath : join(import.meta.dirname, '../../assets');

  hardenApp(app, isTrustedUrl);
  registerAppScheme(protocol);
  await app.whenReady();
  restrictPermissions(session.defaultSession, isTrustedUrl);
  serveRenderer(protocol, rendererDir);

  const policy = await loadSitePolicy(sitePolicyPath(process.platform, process.env));
  const settings = createSettingsService(electronStoreBackend());
  const network = createNetworkMonitor({ probe: () => net.isOnline() });
  const services: MainServices = {
    appInfo: {
      name: app.getName(),
      version: app.getVersion(),
      host: 'electron',
      platform: process.platform,
      userDataDir: app.getPath('userData'),
    },
    settings,
    network,
    // Tray clicks wait in a file until the renderer confirms them, so none is lost while the window loads.
    tray: createTrayService({
      queue: createTrayActionQueue({ file: join(app.getPath('userData'), 'tray-actions.json') }),
      settings,
      network,
      policy: () => policy.policy,
    }),
    journal: createJournal({ dir: join(app.getPath('userData'), 'journal') }),
    policy,
    // After whenReady: safeStorage needs the app ready. The token is encrypted with the OS keychain when it can be.
    central: createCentralService({
      api: createCentralApi(),
      secrets: safeStorageSecretStore(join(app.getPath('userData'), 'secrets.json'), safeStorage),
      enrollment: jsonFileEnrollmentBackend(join(app.getPath('userData'), 'central.json')),
    }),
    power: createPowerMonitor({ ups: policy.policy.ups }),
    lines: createLineMonitor({ lines: policy.policy.lines }),
    seatPower: createSeatPowerService({ source: electronSeatPowerSource() }),
    // Prints the console window itself: the renderer shows the report in its print styles when it asks.
    reports: createReportsService(electronPdfHost(() => window?.webContents)),
  };
  bindIpcMain(ipcMain, createDispatcher(createHandlers(services)), isTrustedUrl);

  const showWindow = () => {
    window ??= createMainWindow({
      preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
      iconPath: join(assets, 'icons/icon-256.png'),
      isQuitting: () => quitting,
      load: (w) => w.loadURL(devServerUrl ?? APP_INDEX_URL),
    });
    window.show();
    window.focus();
  };

  const tray = createAppTray(join(assets, 'icons'), (action) => void services.tray.activate(action));
  services.tray.onHostAction((action) => {
    if (action.kind === 'open-console' || action.kind === 'new-call') showWindow();
    if (action.kind === 'quit') {
      quitting = true;
      app.quit();
    }
  });
  tray.update(services.tray.menu());
  services.tray.onChange((menu) => tray.update(menu));

  forwardEvents(services, (event, payload) => {
    for (const w of BrowserWindow.getAllWindows()) sendEvent(w.webContents, event, payload);
  });

  app.on('second-instance', showWindow);
  const shortcut = registerNewCallShortcut(
    globalShortcut,
    policy.policy.newCallShortcut,
    () => void services.tray.activate({ kind: 'new-call' }),
  );
  // Shown on the diagnostics page (and in the report IT gets), not only in a log nobody reads.
  services.appInfo = {
    ...services.appInfo,
    newCallShortcut: { accelerator: policy.policy.newCallShortcut, state: shortcut },
  };
  if (shortcut === 'taken')
    console.warn(`New-call shortcut ${String(policy.policy.newCallShortcut)} is held by another application`);
  // IT decides both from the site policy: start with the session (hidden in the tray), and where updates come from.
  if (app.isPackaged)
    app.setLoginItemSettings({ openAtLogin: policy.policy.autoStartAtLogin, args: ['--hidden'] });
  const stopUpdates = startUpdates(updatePlan(policy.policy, app.isPackaged), (message) =>
    console.info(message),
  );

  app.on('before-quit', () => {
    quitting = true;
    stopUpdates();
    globalShortcut.unregisterAll();
    void services.journal.close();
    // Log out of upsd and stop the probes; quitting does not wait for them.
    services.seatPower.dispose();
    void services.power.dispose();
    void services.lines.dispose();
  });
  // The console lives in the tray: closing every window does not quit. Started at login, it stays in the tray.
  app.on('window-all-closed', () => undefined);
  if (!process.argv.includes('--hidden')) showWindow();
}
