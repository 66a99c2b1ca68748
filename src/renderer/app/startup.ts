import { floorguard } from '../bridge/floorguard';
import { FloorguardDb } from '../data/db';
import { openLocalStore } from '../data/local-store';
import { loadFirstPage } from '../features/calls/calls-index';

/**
 * The start-up work that waits on IndexedDB and on main, begun before the rest of the app's code is evaluated:
 * main.tsx imports this module first, and a module's body runs as soon as its own imports have run (ADR 0009). The
 * socket to main opens, the database opens and the newest rows are read while React, the pages and the translations
 * are still being set up.
 */
let seatName: () => string = () => '';

export const api = floorguard();

// The first rows are read alongside the store's own start-up reads, not after them (Dexie queues both on the open).
const db = new FloorguardDb();

export const storeReady = openLocalStore(api, () => seatName(), db).then((store) => {
  performance.mark('floorguard:db-open');
  return store;
});

export const firstPageReady = loadFirstPage(db);

/** Where saves read the seat's name from (its settings store, once that is loaded). */
export function readSeatNameFrom(read: () => string): void {
  seatName = read;
}
