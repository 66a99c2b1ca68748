import { useLiveQuery } from 'dexie-react-hooks';
import type { CallLog } from '@shared/calls/schema';
import { useLocalStore } from '../../data/local-store';

const DAY = 86_400_000;

/**
 * The call sheet around a time range. The index is on the ISO string, and a record made on a seat with another
 * offset sorts differently as text, so the range is widened by a day each way; the close-out code filters by time.
 */
export function useCallsAround(start: Date, end: Date): CallLog[] | undefined {
  const { db } = useLocalStore();
  const from = new Date(start.getTime() - DAY).toISOString();
  const to = new Date(end.getTime() + DAY).toISOString();
  return useLiveQuery(
    () => db.calls.where('createdAt').between(from, to, true, true).toArray(),
    [db, from, to],
  );
}
