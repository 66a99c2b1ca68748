/** The report PDF service: plain and testable; Electron's printer is plugged in by src/main/electron/print-to-pdf.ts. */
export { createReportsService, pdfTemplates, type PdfHost, type ReportsService } from './pdf-service';
