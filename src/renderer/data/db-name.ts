/** The renderer's IndexedDB database. Its own module: the boot code reads it before Dexie is loaded. */
export const DB_NAME = 'floorguard';
