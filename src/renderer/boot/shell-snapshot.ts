/**
 * The console's layout as it was last drawn, kept so that the next start can show it — with the newest calls read
 * from IndexedDB — before the app's code is evaluated (see first-rows.ts, ADR 0009). This module has no imports: it
 * runs before React, zod and Dexie exist.
 *
 * What is kept is the call sheet's markup with every piece of call data taken out (list rows, callback queue items,
 * the notice line, field values), plus the few labels a row needs and how the newest numbers are displayed.
 */

export const SHELL_KEY = 'floorguard:shell';
const FORMAT = 1;

export interface ShellSnapshot {
  format: typeof FORMAT;
  /** The build that drew it (pageBuild): a snapshot from another build is not used. */
  build: string;
  html: string;
  labels: RowLabels;
  /** How the newest calls' numbers are displayed (libphonenumber is not loaded yet when the snapshot is shown). */
  phones: Record<string, string>;
  /** createdAt of the oldest of the newest rows shown (null: fewer calls than rows): where the next read starts. */
  newestSince: string | null;
  /** The same for the app's first page of the list (calls-index.ts, FIRST_PAGE rows). */
  pageSince: string | null;
}

/** Where the newest reads of the next start begin (see ShellSnapshot). */
export interface ReadBounds {
  newestSince: string | null;
  pageSince: string | null;
}

export interface RowLabels {
  /** Problem type id → label, in the language the snapshot was drawn in. */
  types: Record<string, string>;
  statuses: Record<string, string>;
  selectRow: string;
}

/** Marks the element whose children are the list's rows, and the elements whose inline style is kept aside. */
const STYLE_ATTRIBUTE = 'data-boot-style';

/**
 * Which build drew the page: the paths of its module scripts, whose names carry the hashes of their content. The app
 * and the boot code read it from the same document, so a snapshot is used only by the build that took it.
 */
export function pageBuild(doc: Document = document): string {
  return [...doc.querySelectorAll<HTMLScriptElement>('script[type="module"][src]')]
    .map((script) => new URL(script.src, doc.baseURI).pathname)
    .join(' ');
}

/**
 * The snapshot of `root` (the call sheet as rendered) without call data. Inline styles are moved to a data attribute:
 * the page's CSP applies no style attribute parsed from HTML, so they are set again through the CSSOM when shown.
 */
export function captureShell(
  root: HTMLElement,
  build: string,
  labels: RowLabels,
  phones: Record<string, string>,
  bounds: ReadBounds,
): ShellSnapshot | null {
  if (!root.querySelector('.call-list__scroll')) return null;
  const copy = root.cloneNode(true) as HTMLElement;
  drawDateFieldsAsBoxes(root, copy);
  // Call data, and what belongs to a moment: banners, dialogs, alerts (a stale one must not flash at the next start).
  const drop =
    '[data-testid="call-row"], [data-testid="callback"], .banner, dialog, [role="alertdialog"], [role="alert"]';
  for (const node of copy.querySelectorAll(drop)) node.remove();
  for (const notice of copy.querySelectorAll('[data-testid="calls-notice"]')) notice.textContent = '';
  // The copy is a picture, not the app: nothing in it may be mistaken for the real element (tests find by test id).
  for (const node of copy.querySelectorAll('[data-testid], [id]')) {
    node.removeAttribute('data-testid');
    node.removeAttribute('id');
  }
  for (const field of copy.querySelectorAll('input, select, textarea')) {
    field.removeAttribute('value');
    field.removeAttribute('checked');
    if (field instanceof HTMLTextAreaElement) field.textContent = '';
  }
  for (const option of copy.querySelectorAll('option[selected]')) option.removeAttribute('selected');
  for (const styled of copy.querySelectorAll('[style]')) {
    styled.setAttribute(STYLE_ATTRIBUTE, styled.getAttribute('style') ?? '');
    styled.removeAttribute('style');
  }
  return { format: FORMAT, build, html: copy.innerHTML, labels, phones, ...bounds };
}

/** Date and time fields (their inner fields are built from the locale's formats when the element is made). */
const DATE_FIELDS = ['datetime-local', 'date', 'time', 'month', 'week']
  .map((type) => `input[type="${type}"]`)
  .join(', ');

/**
 * In the copy, date and time fields become plain text boxes of the size they were drawn at. A new renderer builds
 * each one's inner fields from the locale's date formats and styles them in its first frame: the call list's two
 * date filters alone were ~35 ms of that frame here (its median 117 → 83 ms without them). The copy is inert and
 * replaced by the app moments later; meanwhile the two boxes show empty instead of the format's placeholder.
 */
function drawDateFieldsAsBoxes(root: HTMLElement, copy: HTMLElement): void {
  const drawn = root.querySelectorAll<HTMLInputElement>(DATE_FIELDS);
  copy.querySelectorAll<HTMLInputElement>(DATE_FIELDS).forEach((field, index) => {
    const box = drawn[index]?.getBoundingClientRect();
    field.type = 'text';
    if (box) {
      field.style.width = `${box.width}px`;
      field.style.height = `${box.height}px`;
    }
  });
}

export function saveSnapshot(storage: Storage, snapshot: ShellSnapshot): void {
  try {
    storage.setItem(SHELL_KEY, JSON.stringify(snapshot));
  } catch {
    // Storage full or disabled: the next start simply shows nothing until the app is ready.
  }
}

/** The stored snapshot if it was drawn by this build; anything else (none, older format, bad JSON) is null. */
export function loadSnapshot(storage: Storage, build: string): ShellSnapshot | null {
  try {
    const raw = storage.getItem(SHELL_KEY);
    if (!raw) return null;
    const snapshot = JSON.parse(raw) as Partial<ShellSnapshot> | null;
    if (
      snapshot?.format !== FORMAT ||
      snapshot.build !== build ||
      typeof snapshot.html !== 'string' ||
      !snapshot.labels ||
      !snapshot.phones ||
      !isBound(snapshot.newestSince) ||
      !isBound(snapshot.pageSince)
    ) {
      return null;
    }
    return snapshot as ShellSnapshot;
  } catch {
    return null;
  }
}

const isBound = (value: unknown) => value === null || typeof value === 'string';

/** Draws the snapshot into `root`, inert (nothing in it answers yet), and returns the list's row container. */
export function showShell(root: HTMLElement, snapshot: ShellSnapshot): HTMLElement | null {
  const template = document.createElement('template');
  template.innerHTML = snapshot.html;
  for (const styled of template.content.querySelectorAll<HTMLElement>(`[${STYLE_ATTRIBUTE}]`)) {
    styled.style.cssText = styled.getAttribute(STYLE_ATTRIBUTE) ?? '';
    styled.removeAttribute(STYLE_ATTRIBUTE);
  }
  // Inert and hidden from assistive technology: it answers nothing, and a screen reader waits for the app.
  root.inert = true;
  root.setAttribute('aria-hidden', 'true');
  root.dataset['boot'] = 'shell';
  root.replaceChildren(template.content);
  const scroll = root.querySelector('.call-list__scroll');
  if (!scroll) return null;
  const rows = scroll.firstElementChild;
  if (rows instanceof HTMLDivElement) return rows;
  // Drawn while the list was empty ("no calls yet"): the rows go where the list puts them.
  const container = document.createElement('div');
  container.style.position = 'relative';
  scroll.replaceChildren(container);
  return container;
}

/** Hands the root over to React: React replaces the children on its first commit. */
export function releaseShell(root: HTMLElement): void {
  root.inert = false;
  root.removeAttribute('aria-hidden');
  delete root.dataset['boot'];
}
