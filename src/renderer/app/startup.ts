// First: the database opens before the IPC client's schemas are evaluated.
import { db, firstPageReady } from './database-start';
import { floorguard } from '../bridge/floorguard';
import { openLocalStore } from '../data/local-store';

/**
 * The start-up work that waits on IndexedDB and on main, begun before the rest of the app's code is evaluated:
 * main.tsx imports this module first, and a module's body runs as soon as its own imports have run (ADR 0009). The
 * socket to main opens, the database opens and the newest rows are read while React, the pages and the translations
 * are still being set up.
 */
let seatName: () => string = () => '';

export const api = floorguard();

export const storeReady = openLocalStore(api, () => seatName(), db).then((store) => {
  performance.mark('floorguard:db-open');
  return store;
});

export { firstPageReady };

/** Where saves read the seat's name from (its settings store, once that is loaded). */
export function readSeatNameFrom(read: () => string): void {
  seatName = read;
}
