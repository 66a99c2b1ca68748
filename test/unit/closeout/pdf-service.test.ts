import { describe, expect, it } from 'vitest';
import { createReportsService, pdfTemplates, type PdfHost } from '../../../src/main/services/reports';

function host(choice: string | null) {
  const written: { path: string; size: number }[] = [];
  const printed: { headerTemplate: string; footerTemplate: string }[] = [];
  const fake: PdfHost = {
    print: async (templates) => {
      printed.push(templates);
      return new Uint8Array([37, 80, 68, 70]);
    },
    chooseFile: async () => choice,
    writeFile: async (path, data) => {
      written.push({ path, size: data.length });
    },
  };
  return { fake, written, printed };
}

describe('report PDF service', () => {
  it('prints with the site and incident in the header and page numbers in the footer, then saves', async () => {
    const { fake, written, printed } = host('/home/lead/report.pdf');
    const service = createReportsService(fake);
    await expect(
      service.printToPdf({ header: '一号大厅 · 事件编号 0195', fileName: 'report.pdf', locale: 'zh-CN' }),
    ).resolves.toEqual({ outcome: 'saved', path: '/home/lead/report.pdf' });
    expect(written).toEqual([{ path: '/home/lead/report.pdf', size: 4 }]);
    expect(printed[0]?.headerTemplate).toContain('一号大厅 · 事件编号 0195');
    expect(printed[0]?.footerTemplate).toContain('第 <span class="pageNumber"></span> 页');
  });

  it('prints nothing when the user cancels the save dialog', async () => {
    const { fake, written, printed } = host(null);
    await expect(
      createReportsService(fake).printToPdf({ header: 'x', fileName: 'r.pdf', locale: 'en' }),
    ).resolves.toEqual({ outcome: 'cancelled' });
    expect(printed).toHaveLength(0);
    expect(written).toHaveLength(0);
  });

  it('escapes the header: it is HTML in the print template', () => {
    const { headerTemplate, footerTemplate } = pdfTemplates({
      header: '<img src=x onerror=alert(1)>',
      locale: 'en',
    });
    expect(headerTemplate).not.toContain('<img');
    expect(headerTemplate).toContain('&#60;img');
    expect(footerTemplate).toContain(
      'Page <span class="pageNumber"></span> of <span class="totalPages"></span>',
    );
  });
});
