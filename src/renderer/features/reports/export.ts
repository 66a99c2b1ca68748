import type { Locale } from '@shared/settings/schema';
import { floorguard } from '../../bridge/floorguard';

export { downloadText } from '../../app/download';

export type PdfOutcome =
  | { kind: 'saved'; path: string }
  | { kind: 'cancelled' }
  | { kind: 'printed' }
  | { kind: 'failed'; error: string };

/**
 * The PDF: in Electron main prints this page (in its print styles) with a header and page numbers; where main cannot
 * (the harness) the browser's print dialog does it from the same print styles.
 */
export async function exportPdf(request: {
  header: string;
  fileName: string;
  locale: Locale;
}): Promise<PdfOutcome> {
  const result = await floorguard().invoke('reports:pdf', request);
  if (!result.ok) return { kind: 'failed', error: result.error.message };
  if (result.value.outcome === 'saved') return { kind: 'saved', path: result.value.path };
  if (result.value.outcome === 'cancelled') return { kind: 'cancelled' };
  window.print();
  return { kind: 'printed' };
}

/** A file name part without characters file systems refuse. */
export const safeName = (text: string) => text.replace(/[/\\:*?"<>|\s]+/g, '-').slice(0, 60);
