import electronUpdater from 'electron-updater';
import type { UpdatePlan } from '../services/updates/update-plan';

/**
 * electron-updater against the site's generic feed. Downloads in the background and installs on quit only: we never
 * call quitAndInstall, so an update can never close the console in the middle of an incident.
 */
export function startUpdates(plan: UpdatePlan, log: (message: string) => void): () => void {
  if (!plan.enabled) {
    log(`updates off: ${plan.reason}`);
    return () => undefined;
  }
  const { autoUpdater } = electronUpdater;
  autoUpdater.setFeedURL({ provider: 'generic', url: plan.url });
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  const check = () =>
    void autoUpdater
      .checkForUpdates()
      .catch((error: unknown) => log(`update check failed: ${String(error)}`));
  check();
  const timer = setInterval(check, plan.checkEveryMs);
  return () => clearInterval(timer);
}
