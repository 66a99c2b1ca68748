/**
 * A report as a plain document — headings, label/value rows, tables, paragraphs, lists — already worded in one
 * language. The report view renders it as HTML (and so prints it), the export renders it as Markdown: one wording,
 * two outputs, and the PDF and the Markdown cannot disagree.
 */
export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'fields'; rows: readonly (readonly [string, string])[] }
  | {
      kind: 'table';
      head: readonly string[];
      rows: readonly (readonly string[])[];
      testId?: string;
      /** Columns that must not wrap (times): in print a squeezed column would break `2025-03-04 10:10` in two. */
      nowrap?: readonly number[];
    }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: readonly string[] }
  /** A chart in the view; Markdown has no charts, and the same figures are in the tables next to it. */
  | { kind: 'chart'; chart: 'calls' | 'compliance' };

export interface ReportDocument {
  title: string;
  /** Lines under the title: site, incident id, when generated. */
  meta: readonly string[];
  blocks: readonly Block[];
}

/** Table cells are one line: pipes escaped, line breaks kept as <br>. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>') || ' ';
}

/** Free text keeps its lines; a line that would start a Markdown construct is escaped. */
function paragraph(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/^(\s*)([#>*+-]|\d+\.)(\s)/, '$1\\$2$3'))
    .join('  \n');
}

export function toMarkdown(doc: ReportDocument): string {
  const out: string[] = [`# ${doc.title}`, '', ...doc.meta.map((line) => `${paragraph(line)}  `), ''];
  for (const block of doc.blocks) {
    switch (block.kind) {
      case 'heading':
        out.push(`## ${block.text}`, '');
        break;
      case 'fields':
        for (const [label, value] of block.rows) out.push(`- **${cell(label)}**: ${paragraph(value)}`);
        out.push('');
        break;
      case 'table':
        out.push(`| ${block.head.map(cell).join(' | ')} |`, `|${block.head.map(() => ' --- ').join('|')}|`);
        for (const row of block.rows) out.push(`| ${row.map(cell).join(' | ')} |`);
        out.push('');
        break;
      case 'paragraph':
        out.push(paragraph(block.text), '');
        break;
      case 'list':
        for (const item of block.items) out.push(`- ${paragraph(item)}`);
        out.push('');
        break;
      case 'chart':
        break;
    }
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
