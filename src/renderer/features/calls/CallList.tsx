import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { callMatcher, compareCalls } from '@shared/calls/filter';
import { CALL_STATUSES, type CallLog, type CallStatus } from '@shared/calls/schema';
import { usePolicyStore } from '../../app/policy-store';
import { useLocalStore } from '../../data/local-store';
import { useCallsIndex } from './calls-index';
import { useCallsUi } from './calls-ui-store';
import { displayPhone, shortDateTime } from './display';
import { exportCsv, exportJson } from './export';
import { reportWriteError } from './write-error';

const ROW_HEIGHT = 44;
/** The list's scroll box height (styles.css `.call-list__scroll`). */
const SCROLL_HEIGHT = 420;

/** The filtered, sorted rows; computed once per change of data or filter, shared by the list and the export. */
export function useFilteredCalls(): { rows: CallLog[]; total: number } {
  const all = useCallsIndex((s) => s.all);
  const filter = useDeferredValue(useCallsUi((s) => s.filter));
  const sort = useCallsUi((s) => s.sort);
  return useMemo(() => {
    const matches = all.filter(callMatcher(filter));
    // `all` is already newest first: only other orders need a sort.
    if (sort !== 'newest') matches.sort(compareCalls(sort));
    return { rows: matches, total: all.length };
  }, [all, filter, sort]);
}

export function CallList() {
  const { t, i18n } = useTranslation();
  const store = useLocalStore();
  const policy = usePolicyStore((s) => s.state.policy);
  const { rows, total } = useFilteredCalls();
  // Only what the list shows: a new notice or a focus request (every save) must not re-render 100,000 rows' list.
  const ui = useCallsUi(
    useShallow(({ filter, sort, selected, setFilter, setSort, toggle, clearSelection }) => ({
      filter,
      sort,
      selected,
      setFilter,
      setSort,
      toggle,
      clearSelection,
    })),
  );
  const parentRef = useRef<HTMLDivElement>(null);
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const typeLabel = useMemo(
    () => new Map(policy.problemTypes.map((p) => [p.id, p.label[lang]])),
    [policy.problemTypes, lang],
  );
  // Translated once per language, not once per row on every render.
  const statusLabel = useMemo(
    () =>
      Object.fromEntries(CALL_STATUSES.map((s) => [s, t(`calls.status.${s}`)])) as Record<CallStatus, string>,
    [t],
  );
  const selectRowLabel = t('calls.list.selectRow');

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parentRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // The box's known height, so the first frame renders the rows it shows instead of measuring the box (a forced
    // layout) and rendering the list a second time.
    initialRect: { width: 0, height: SCROLL_HEIGHT },
  });

  const markEntered = async () => {
    const chosen = rows.filter((r) => ui.selected.has(r.id));
    try {
      await store.calls.save(chosen.map((c) => ({ ...c, status: 'entered-in-crm' as const })));
      ui.clearSelection();
    } catch (error) {
      reportWriteError(error);
    }
  };

  const toggleStatus = (status: CallStatus) =>
    ui.setFilter({ statuses: ui.filter.statuses.includes(status) ? [] : [status] });

  return (
    <section className="call-list" aria-labelledby="call-list-title">
      <div className="call-list__head">
        <h2 id="call-list-title">{t('calls.list.title')}</h2>
        <span className="muted" data-testid="call-count">
          {t('calls.list.count', { shown: rows.length, total })}
        </span>
        <span className="spacer" />
        <button type="button" onClick={() => exportCsv(rows, t, typeLabel)}>
          {t('calls.list.exportCsv')}
        </button>
        <button type="button" onClick={() => void exportJson(store)}>
          {t('calls.list.exportJson')}
        </button>
      </div>
      <div className="filters" role="search">
        <input
          type="search"
          aria-label={t('calls.list.search')}
          placeholder={t('calls.list.search')}
          value={ui.filter.text}
          onChange={(e) => ui.setFilter({ text: e.target.value })}
        />
        <select
          aria-label={t('calls.list.allStatuses')}
          value={ui.filter.statuses[0] ?? ''}
          onChange={(e) => ui.setFilter({ statuses: e.target.value ? [e.target.value as CallStatus] : [] })}
        >
          <option value="">{t('calls.list.allStatuses')}</option>
          {CALL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`calls.status.${s}`)}
            </option>
          ))}
        </select>
        <select
          aria-label={t('calls.list.allTypes')}
          value={ui.filter.problemTypes[0] ?? ''}
          onChange={(e) => ui.setFilter({ problemTypes: e.target.value ? [e.target.value] : [] })}
        >
          <option value="">{t('calls.list.allTypes')}</option>
          {policy.problemTypes.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label[lang]}
            </option>
          ))}
        </select>
        <label className="check">
          {t('calls.list.from')}
          <input
            type="datetime-local"
            onChange={(e) =>
              ui.setFilter({ from: e.target.value ? new Date(e.target.value).toISOString() : undefined })
            }
          />
        </label>
        <label className="check">
          {t('calls.list.to')}
          <input
            type="datetime-local"
            onChange={(e) =>
              ui.setFilter({ to: e.target.value ? new Date(e.target.value).toISOString() : undefined })
            }
          />
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={ui.filter.callbacksDue}
            onChange={(e) => ui.setFilter({ callbacksDue: e.target.checked })}
          />
          {t('calls.list.callbacksDue')}
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={ui.filter.notInCrm}
            onChange={(e) => ui.setFilter({ notInCrm: e.target.checked })}
          />
          {t('calls.list.notInCrm')}
        </label>
        <select
          aria-label={t('calls.list.sort')}
          value={ui.sort}
          onChange={(e) => ui.setSort(e.target.value as typeof ui.sort)}
        >
          <option value="newest">{t('calls.list.newest')}</option>
          <option value="oldest">{t('calls.list.oldest')}</option>
          <option value="callback">{t('calls.list.byCallback')}</option>
        </select>
        {ui.selected.size > 0 && (
          <button type="button" className="primary" onClick={() => void markEntered()}>
            {t('calls.list.markEntered', { count: ui.selected.size })}
          </button>
        )}
      </div>
      <div
        ref={parentRef}
        className="call-list__scroll"
        role="table"
        aria-rowcount={rows.length}
        tabIndex={0}
      >
        {rows.length === 0 ? (
          <p className="muted empty">{t('calls.list.empty')}</p>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const call = rows[item.index];
              if (!call) return null;
              return (
                <div
                  key={call.id}
                  role="row"
                  className="call-row"
                  data-testid="call-row"
                  style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                >
                  <span role="cell">
                    <input
                      type="checkbox"
                      aria-label={selectRowLabel}
                      checked={ui.selected.has(call.id)}
                      onChange={() => ui.toggle(call.id)}
                    />
                  </span>
                  <span role="cell" className="call-row__time">
                    {shortDateTime(call.createdAt)}
                  </span>
                  <span role="cell" className="call-row__phone">
                    {displayPhone(call.callerPhone)}
                    {call.vip && <span className="badge badge--vip">VIP</span>}
                  </span>
                  <span role="cell" className="call-row__type">
                    {typeLabel.get(call.problemType) ?? call.problemType}
                  </span>
                  <span role="cell" className="call-row__summary" title={call.summary}>
                    {call.summary}
                  </span>
                  <span role="cell">
                    <button
                      type="button"
                      className={`status status--${call.status ?? 'open'}`}
                      onClick={() => toggleStatus(call.status ?? 'open')}
                    >
                      {statusLabel[call.status ?? 'open']}
                    </button>
                  </span>
                  <span role="cell" className="muted small">
                    {call.agent}
                  </span>
                </div>
              );
            })}
          </div>
        )}
      </div>
    </section>
  );
}
