import type { EarlyKeys } from './early-keys';
import type { FirstRowsResult } from './first-rows';
import type { ShellSnapshot } from './shell-snapshot';

/**
 * What the boot program (start.ts, inlined in the built index.html) leaves for the app, on `window`: the two run as
 * separate scripts, so its state — the snapshot it drew, the keys it kept — reaches the app only through here.
 */
export interface BootHandoff {
  /** The last snapshot this build took, if the boot found one (the app reads its first page from where it began). */
  snapshot: ShellSnapshot | null;
  /** Settles when the first rows are painted, or the boot gave up on them (never rejects). */
  firstRows: Promise<FirstRowsResult>;
  /** The keys typed while nothing could take them (early-keys.ts), once. */
  takeEarlyKeys: () => EarlyKeys;
}

export type BootWindow = Window & { floorguardBoot?: BootHandoff };

/** Without a boot program (the dev server, a page built without it) the app simply starts as it would. */
const NO_BOOT: BootHandoff = {
  snapshot: null,
  firstRows: Promise.resolve('none'),
  takeEarlyKeys: () => ({ text: '', dropped: false }),
};

const scope = window as BootWindow;
export const boot: BootHandoff = scope.floorguardBoot ?? NO_BOOT;
delete scope.floorguardBoot;

// Awaited here, in the first module main.tsx imports: the app's own code is evaluated only once the boot's frame is
// painted, so it never competes with it.
await boot.firstRows;

export const takeEarlyKeys = (): EarlyKeys => boot.takeEarlyKeys();
