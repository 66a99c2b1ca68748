/** A column of an export: its header (already in the UI language) and how to read the cell. */
export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | boolean | null | undefined;
  /** Free text typed by people: guarded against spreadsheet formula injection. */
  text?: boolean;
}

const BOM = '\uFEFF';

/**
 * RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote, CR or LF, quotes doubled. Starts with a
 * UTF-8 BOM so Excel opens Chinese correctly. Free-text cells that start with = + - @ (or a tab/CR) get a leading
 * apostrophe, so a caller's words are never run as a formula; phone numbers and ids are left exactly as stored.
 */
export function toCsv<T>(rows: Iterable<T>, columns: readonly CsvColumn<T>[]): string {
  const lines = [columns.map((c) => quote(c.header)).join(',')];
  for (const row of rows) {
    lines.push(columns.map((c) => quote(cell(c.value(row), c.text ?? false))).join(','));
  }
  return BOM + lines.join('\r\n') + '\r\n';
}

function cell(value: string | number | boolean | null | undefined, text: boolean): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return text && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
