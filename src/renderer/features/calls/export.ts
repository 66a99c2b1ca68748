import { format } from 'date-fns';
import type { TFunction } from 'i18next';
import { toCsv, type CsvColumn } from '@shared/calls/csv';
import type { CallLog } from '@shared/calls/schema';
import { downloadText } from '../../app/download';
import type { LocalStore } from '../../data/local-store';

const stamp = () => format(new Date(), 'yyyyMMdd-HHmm');
const when = (iso: string | undefined) => (iso ? format(new Date(iso), 'yyyy-MM-dd HH:mm:ss') : '');

/** The current filter as CSV for CRM staff: headers in the UI language, one row per call, Excel-safe. */
export function callsCsv(
  rows: readonly CallLog[],
  t: TFunction,
  typeLabel: ReadonlyMap<string, string>,
): string {
  const yes = (v: boolean | undefined) => (v ? t('calls.csv.yes') : '');
  const columns: CsvColumn<CallLog>[] = [
    { header: t('calls.csv.createdAt'), value: (c) => when(c.createdAt) },
    { header: t('calls.csv.callerPhone'), value: (c) => c.callerPhone },
    { header: t('calls.csv.callerName'), value: (c) => c.callerName, text: true },
    { header: t('calls.csv.customerId'), value: (c) => c.customerId, text: true },
    { header: t('calls.csv.vip'), value: (c) => yes(c.vip) },
    { header: t('calls.csv.problemType'), value: (c) => typeLabel.get(c.problemType) ?? c.problemType },
    { header: t('calls.csv.problemClass'), value: (c) => c.problemClass },
    {
      header: t('calls.csv.summary'),
      value: (c) =>
        [c.summary, ...(c.notes ?? []).map((n) => `${when(n.at)} ${n.agent}: ${n.text}`)].join('\n'),
      text: true,
    },
    { header: t('calls.csv.callbackWanted'), value: (c) => yes(c.callbackWanted) },
    { header: t('calls.csv.callbackNumber'), value: (c) => c.callbackNumber },
    { header: t('calls.csv.callbackDueAt'), value: (c) => when(c.callbackDueAt) },
    { header: t('calls.csv.complaint'), value: (c) => yes(c.complaint) },
    { header: t('calls.csv.mediaMention'), value: (c) => yes(c.mediaMention) },
    { header: t('calls.csv.status'), value: (c) => t(`calls.status.${c.status ?? 'open'}`) },
    { header: t('calls.csv.agent'), value: (c) => c.agent, text: true },
    { header: t('calls.csv.seat'), value: (c) => c.seat, text: true },
    { header: t('calls.csv.id'), value: (c) => c.id },
  ];
  return toCsv(rows, columns);
}

export function exportCsv(
  rows: readonly CallLog[],
  t: TFunction,
  typeLabel: ReadonlyMap<string, string>,
): void {
  downloadText(`floorguard-calls-${stamp()}.csv`, callsCsv(rows, t, typeLabel), 'text/csv;charset=utf-8');
}

/** Everything this seat holds, for the record: every call as stored, and the database's identity. */
export async function exportJson(store: LocalStore): Promise<void> {
  const calls = await store.db.calls.orderBy('createdAt').toArray();
  const payload = { exportedAt: new Date().toISOString(), epoch: store.epoch, calls };
  downloadText(`floorguard-calls-${stamp()}.json`, JSON.stringify(payload, null, 2), 'application/json');
}
