import { shortDateTime } from '../features/calls/short-date-time';
import { dropEarlyOpening, takeEarlyOpening } from './early-open';
import { openCalls, readNewestCalls, type StoredCall } from './newest-calls';
import { showShell, type ShellSnapshot } from './shell-snapshot';

/**
 * The first rows, before the app (ADR 0009): the console as it was last drawn, with the newest calls read from
 * IndexedDB, shown while the app's code — React, the schemas, the translations — is still to be evaluated. Inert:
 * nothing in it answers until React replaces it, moments later. The rows are drawn exactly as CallList draws them
 * (test/e2e/first-rows.spec.ts compares the two). Never throws, never waits long: at worst the app starts as before.
 */

/** The list box shows 9–10 rows of 44 px (CallList's ROW_HEIGHT, `.call-list__scroll` height). */
export const FIRST_ROWS = 12;
const ROW_HEIGHT = 44;

export interface FirstRowsOptions {
  root: HTMLElement;
  /** The last snapshot taken by this build (loadSnapshot), if any. */
  snapshot: ShellSnapshot | null;
  dbName: string;
  /**
   * How long the shell waits for the rows, so that both are laid out and painted in one frame. The first frame of a
   * new renderer process is its most expensive (150–200 ms here: fonts, style sheets, the shell's layout); the read's
   * answer, back from the browser process in 20–40 ms, would otherwise wait behind it and need a frame of its own.
   */
  shellWaitMs: number;
  /** How long the rows may take to read before the app goes on without them (the shell stays until React's frame). */
  readBudgetMs: number;
}

export type FirstRowsResult = 'rows' | 'shell' | 'none';

export async function paintFirstRows(options: FirstRowsOptions): Promise<FirstRowsResult> {
  // A window opened hidden (to the tray) paints no frame to wait for; nor is there anything to show.
  const { snapshot } = options;
  if (document.visibilityState !== 'visible' || !snapshot) {
    dropEarlyOpening();
    return 'none';
  }
  try {
    // Opened by index.html's inline script while the page was parsed (early-open.ts), if the page has it.
    const opened = takeEarlyOpening();
    if (opened) performance.mark('floorguard:boot-early-open');
    const reading = readNewestCalls(opened ?? openCalls(options.dbName), FIRST_ROWS, snapshot.newestSince);
    const early = await Promise.race([reading, delay(options.shellWaitMs).then(() => undefined)]);
    const container = showShell(options.root, snapshot);
    performance.mark('floorguard:boot-shell-drawn');
    const calls =
      early ??
      (await Promise.race([reading, delay(options.readBudgetMs - options.shellWaitMs).then(() => null)]));
    performance.mark('floorguard:boot-rows-read');
    if (!container || !calls) return 'shell';
    container.replaceChildren(...calls.map((call, i) => rowElement(call, i, snapshot)));
    await nextPaint();
    return 'rows';
  } catch {
    return 'none';
  }
}

/** One list row, as CallList renders it (without its handlers: the shell is inert). */
export function rowElement(call: StoredCall, index: number, snapshot: ShellSnapshot): HTMLElement {
  const { labels, phones } = snapshot;
  const status = call.status ?? 'open';
  const row = element('div', 'call-row');
  row.setAttribute('role', 'row');
  row.style.transform = `translateY(${index * ROW_HEIGHT}px)`;
  row.style.height = `${ROW_HEIGHT}px`;

  const select = document.createElement('input');
  select.type = 'checkbox';
  select.setAttribute('aria-label', labels.selectRow);
  const phone = cell('call-row__phone', phones[call.callerPhone] ?? call.callerPhone);
  if (call.vip) phone.append(element('span', 'badge badge--vip', 'VIP'));
  const summary = cell('call-row__summary', call.summary);
  summary.title = call.summary;
  const statusButton = element('button', `status status--${status}`, labels.statuses[status] ?? status);
  statusButton.setAttribute('type', 'button');

  row.append(
    cell('', select),
    cell('call-row__time', shortDateTime(call.createdAt)),
    phone,
    cell('call-row__type', labels.types[call.problemType] ?? call.problemType),
    summary,
    cell('', statusButton),
    cell('muted small', call.agent),
  );
  return row;
}

function cell(className: string, content: string | Node): HTMLElement {
  const span = element('span', className);
  span.setAttribute('role', 'cell');
  span.append(content);
  return span;
}

function element(tag: string, className: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const delay = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** Resolves once the frame showing the rows is painted — or after 100 ms, should no frame come. */
function nextPaint(): Promise<void> {
  return Promise.race([
    new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0))),
    delay(100),
  ]);
}
