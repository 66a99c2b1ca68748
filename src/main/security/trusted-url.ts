/**
 * Which URLs the app's own window may show and which frames may call IPC. Compared by parsed origin and path,
 * never by substring: `app://floorguard/index.html` in production (app-origin.ts), the dev server's origin in dev.
 */
export interface TrustedOrigins {
  /** The built renderer's page, e.g. `app://floorguard/index.html`. */
  rendererUrl: string;
  /** electron-vite's dev server, only when running `npm run dev`. */
  devServerUrl?: string | undefined;
}

export function isTrustedRendererUrl(url: string, trusted: TrustedOrigins): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const expected = new URL(trusted.rendererUrl);
  if (parsed.protocol === expected.protocol && parsed.host === expected.host && parsed.host !== '') {
    return parsed.pathname === expected.pathname || parsed.pathname === '/';
  }
  if (trusted.devServerUrl) {
    const dev = new URL(trusted.devServerUrl);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.origin === dev.origin;
  }
  return false;
}

/** Links the app may hand to the OS: phone numbers (escalation board) and mail; nothing that loads remote content. */
export function isAllowedExternalUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'tel:' || protocol === 'mailto:';
  } catch {
    return false;
  }
}

/**
 * Permissions our page may use: desktop notifications (deadlines, overdue steps) and writing to the clipboard
 * (copy buttons for phone numbers, diagnostics). Everything else — camera, microphone, geolocation, … — is denied.
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications', 'clipboard-sanitized-write']);

export function isPermissionAllowed(
  permission: string,
  requestingUrl: string,
  isTrusted: (url: string) => boolean,
): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isTrusted(requestingUrl);
}
