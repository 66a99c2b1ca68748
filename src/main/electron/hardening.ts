import { shell, type App, type Session } from 'electron';
import { isAllowedExternalUrl, isPermissionAllowed } from '../security/trusted-url';

/**
 * App-wide defaults: no navigation away from our page, no new windows, no <webview>. A `tel:` or `mailto:` link
 * (escalation board, contact tree) is handed to the OS dialler or mail client instead of navigating.
 */
export function hardenApp(app: App, isTrustedUrl: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (isTrustedUrl(url)) return;
      event.preventDefault();
      if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    });
    contents.on('will-redirect', (event, url) => {
      if (!isTrustedUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

/** Everything is denied except what the console itself needs, and only for our own page. */
export function restrictPermissions(session: Session, isTrustedUrl: (url: string) => boolean): void {
  session.setPermissionRequestHandler((contents, permission, callback) =>
    callback(isPermissionAllowed(permission, contents.getURL(), isTrustedUrl)),
  );
  session.setPermissionCheckHandler((_contents, permission, origin) =>
    isPermissionAllowed(permission, origin, isTrustedUrl),
  );
}
