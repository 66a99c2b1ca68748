import { describe, expect, it } from 'vitest';
import { toCsv, type CsvColumn } from '@shared/calls/csv';

interface Row {
  phone: string;
  summary: string;
  vip?: boolean;
}
const columns: CsvColumn<Row>[] = [
  { header: '来电号码', value: (r) => r.phone },
  { header: '问题描述', value: (r) => r.summary, text: true },
  { header: 'VIP', value: (r) => (r.vip ? '是' : '') },
];

describe('CSV export', () => {
  it('starts with a UTF-8 BOM and ends every record with CRLF', () => {
    const csv = toCsv([{ phone: '+8613812345678', summary: '无法登录' }], columns);
    expect(csv.startsWith('\uFEFF来电号码,问题描述,VIP\r\n')).toBe(true);
    expect(csv).toBe('\uFEFF来电号码,问题描述,VIP\r\n+8613812345678,无法登录,\r\n');
  });

  it('quotes commas, quotes and line breaks per RFC 4180', () => {
    const csv = toCsv([{ phone: '1', summary: '说"密码错误",\r\n然后挂断', vip: true }], columns);
    expect(csv.split('\r\n')[1]).toBe('1,"说""密码错误"",');
    expect(csv).toContain('"说""密码错误"",\r\n然后挂断",是\r\n');
  });

  it('defuses formulas in free text but leaves phone numbers as stored', () => {
    const csv = toCsv([{ phone: '+8613812345678', summary: '=HYPERLINK("http://x")' }], columns);
    expect(csv).toContain('+8613812345678,"\'=HYPERLINK(""http://x"")"');
  });
});
