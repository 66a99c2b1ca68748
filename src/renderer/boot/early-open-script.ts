/**
 * The inline script the build puts at the top of index.html (vite.renderer.config.ts, allowed by its SHA-256 in the
 * CSP): it opens the seat's database as the page's head is parsed. Opening a closed database is the longest wait of
 * a new window's start (~70 ms here, against ~15–30 for the read after it), so it goes out first — before the
 * inlined style sheet is parsed and the boot program at the end of the body runs (~20 ms later) — and the boot code
 * finds it under way (ADR 0009). early-open.ts hands the connection to the boot code.
 *
 * A string, because that is what the page gets: it runs before any module, so it imports nothing. This file has no
 * DOM types so the build's config (a Node program) can import it; test/unit/renderer/newest-calls.test.ts runs
 * exactly this text. The database is opened without a version, so a new seat's is not created (an upgrade is
 * aborted: Dexie makes it with its schema), and its connection closes the moment anybody asks for a version change,
 * so it never holds up Dexie's open or an upgrade.
 */
export function earlyOpenScript(dbName: string): string {
  return `window.floorguardOpening = new Promise((done) => {
  try {
    const request = indexedDB.open(${JSON.stringify(dbName)});
    request.onupgradeneeded = () => request.transaction.abort();
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close();
      done(db);
    };
    request.onerror = request.onblocked = () => done(null);
  } catch {
    done(null);
  }
});`;
}
