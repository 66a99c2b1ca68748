import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toMarkdown, type ReportDocument } from '@shared/closeout';
import type { Locale } from '@shared/settings/schema';
import { downloadText, exportPdf } from './export';
import { useHost } from './use-host';

/** Markdown download, and the PDF: saved by main in Electron, the print dialog in the harness. */
export function ExportBar(props: { doc: ReportDocument; fileBase: string; header: string; locale: Locale }) {
  const { t } = useTranslation();
  const host = useHost();
  const [message, setMessage] = useState<string | null>(null);

  async function pdf() {
    setMessage(null);
    const outcome = await exportPdf({
      header: props.header,
      fileName: `${props.fileBase}.pdf`,
      locale: props.locale,
    });
    if (outcome.kind === 'saved') setMessage(t('reports.pdfSaved', { path: outcome.path }));
    if (outcome.kind === 'cancelled') setMessage(t('reports.pdfCancelled'));
    if (outcome.kind === 'failed') setMessage(t('reports.pdfFailed', { error: outcome.error }));
  }

  return (
    <div className="report-export no-print">
      <button
        type="button"
        onClick={() =>
          downloadText(`${props.fileBase}.md`, toMarkdown(props.doc), 'text/markdown;charset=utf-8')
        }
      >
        {t('reports.exportMarkdown')}
      </button>
      {host === 'harness' ? (
        <button type="button" onClick={() => window.print()}>
          {t('reports.print')}
        </button>
      ) : (
        <button type="button" onClick={() => void pdf()} disabled={host === null}>
          {t('reports.exportPdf')}
        </button>
      )}
      {message && (
        <span className="muted" role="status">
          {message}
        </span>
      )}
    </div>
  );
}
