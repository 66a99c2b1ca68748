import type { PdfRequest, PdfResult } from '@shared/ipc/channels/reports';

/** What printing needs from the host; Electron's glue (../../electron/print-to-pdf.ts) provides it. */
export interface PdfHost {
  /** Prints the page on screen to PDF bytes with these header and footer templates (Chromium's print templates). */
  print(templates: { headerTemplate: string; footerTemplate: string }): Promise<Uint8Array>;
  /** Asks where to save; null when the user cancelled. */
  chooseFile(defaultName: string): Promise<string | null>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
}

export interface ReportsService {
  printToPdf(request: PdfRequest): Promise<PdfResult>;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = 'font-size:8px;width:100%;padding:0 12mm;font-family:sans-serif;color:#444;';

/**
 * Chromium fills `pageNumber` / `totalPages` spans itself. The header text comes from the page, so it is escaped:
 * the templates are HTML.
 */
export function pdfTemplates(request: Pick<PdfRequest, 'header' | 'locale'>): {
  headerTemplate: string;
  footerTemplate: string;
} {
  const pages =
    request.locale === 'zh-CN'
      ? '第 <span class="pageNumber"></span> 页，共 <span class="totalPages"></span> 页'
      : 'Page <span class="pageNumber"></span> of <span class="totalPages"></span>';
  return {
    headerTemplate: `<div style="${STYLE}">${escapeHtml(request.header)}</div>`,
    footerTemplate: `<div style="${STYLE}text-align:center;">${pages}</div>`,
  };
}

export function createReportsService(host: PdfHost): ReportsService {
  return {
    async printToPdf(request) {
      // Ask first: printing a long report takes a moment, and there is nothing to print for if the user cancels.
      const path = await host.chooseFile(request.fileName);
      if (path === null) return { outcome: 'cancelled' };
      const data = await host.print(pdfTemplates(request));
      await host.writeFile(path, data);
      return { outcome: 'saved', path };
    },
  };
}
