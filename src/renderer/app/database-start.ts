import { boot } from '../boot/handoff';
import { FloorguardDb } from '../data/db';
import { loadFirstPage } from '../features/calls/calls-index';

/**
 * The database opens and the newest rows are read from here, the first module startup.ts imports: only Dexie, the
 * store list and zustand are evaluated before it. Imported after the IPC client instead, the open waited for every
 * shared zod schema the contract pulls in — most of the start chunk's evaluation (ADR 0009).
 */
export const db = new FloorguardDb();

// Dexie opens the database on this first query; the store's own start-up reads queue on the same open.
export const firstPageReady = loadFirstPage(db, boot.snapshot?.pageSince);
