import { z } from 'zod';

/**
 * The report's PDF, spread into `ipcContract`. In Electron main prints the page the renderer is showing (the report,
 * in its print styles) with `webContents.printToPDF` and asks where to save it; the harness has no such service and
 * answers `unsupported`, and the renderer prints with the browser's own dialog instead.
 */

// Local twin of contract.ts's helper: importing it would make the contract and this file import each other.
function channel<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) {
  return { request, response };
}

export const PdfRequest = z
  .object({
    /** Printed at the top of every page: the site and the incident id (or the week). */
    header: z.string().trim().min(1).max(200),
    /** Suggested file name, without folders. */
    fileName: z
      .string()
      .trim()
      .min(1)
      .max(120)
      .regex(/^[^/\\:*?"<>|]+\.pdf$/, 'a plain file name ending in .pdf'),
    /** The language of the page-number footer. */
    locale: z.enum(['zh-CN', 'en']),
  })
  .strict();
export type PdfRequest = z.infer<typeof PdfRequest>;

export const PdfResult = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('saved'), path: z.string() }),
  z.object({ outcome: z.literal('cancelled') }),
  /** No PDF printer here (the browser harness): use the browser's print dialog. */
  z.object({ outcome: z.literal('unsupported') }),
]);
export type PdfResult = z.infer<typeof PdfResult>;

export const reportChannels = {
  'reports:pdf': channel(PdfRequest, PdfResult),
} as const;
