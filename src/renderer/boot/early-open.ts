/**
 * The connection index.html's inline script opened while the page was parsed (early-open-script.ts), handed to the
 * boot code's first read.
 */

type EarlyWindow = Window & { floorguardOpening?: Promise<IDBDatabase | null> };

/**
 * The early connection, for its one reader: later calls get nothing. Undefined when the page had no inline script
 * (the dev server, a unit test).
 */
export function takeEarlyOpening(): Promise<IDBDatabase | null> | undefined {
  const scope = window as EarlyWindow;
  const opening = scope.floorguardOpening;
  delete scope.floorguardOpening;
  return opening;
}

/** Closes the early connection when nothing will read through it (a hidden window, no snapshot to draw). */
export function dropEarlyOpening(): void {
  void takeEarlyOpening()?.then((db) => db?.close());
}
