import { useCallsUi } from './calls-ui-store';

/**
 * The call sheet's one-line notice ("已保存…"). Its own component, so a new notice re-renders this line only, not the
 * form and the 100,000-row list around it.
 */
export function CallsNotice() {
  const notice = useCallsUi((s) => s.notice);
  return (
    <p
      className={`notice notice--${notice?.kind ?? 'ok'}`}
      role="status"
      aria-live="polite"
      data-testid="calls-notice"
    >
      {notice?.text ?? ''}
    </p>
  );
}
