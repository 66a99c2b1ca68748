import { writeFile } from 'node:fs/promises';
import { BrowserWindow, dialog, type WebContents } from 'electron';
import type { PdfHost } from '../services/reports';

/**
 * The PDF host in Electron: prints the window the request came from — the console, showing the report in its print
 * styles — on A4 with the header (site + incident) and page numbers, and saves where the user chooses.
 */
export function electronPdfHost(contents: () => WebContents | undefined): PdfHost {
  return {
    async print({ headerTemplate, footerTemplate }) {
      const target = contents();
      if (!target) throw new Error('No console window to print');
      return target.printToPDF({
        pageSize: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate,
        footerTemplate,
        // Room for the header and footer Chromium draws in the margins.
        margins: { top: 0.6, bottom: 0.6, left: 0.4, right: 0.4 },
        preferCSSPageSize: false,
      });
    },
    async chooseFile(defaultName) {
      const owner = BrowserWindow.getFocusedWindow();
      const options = { defaultPath: defaultName, filters: [{ name: 'PDF', extensions: ['pdf'] }] };
      const result = owner
        ? await dialog.showSaveDialog(owner, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    writeFile: (path, data) => writeFile(path, data),
  };
}
