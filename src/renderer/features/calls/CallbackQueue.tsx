import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callbackQueue } from '@shared/calls/filter';
import { useLocalStore } from '../../data/local-store';
import { useCallsIndex } from './calls-index';
import { displayPhone, shortDateTime } from './display';
import { reportWriteError } from './write-error';

/** Owed callbacks by promised time; overdue ones in red. Re-evaluated every 30 s so overdue appears on its own. */
export function CallbackQueue() {
  const { t } = useTranslation();
  const store = useLocalStore();
  const all = useCallsIndex((s) => s.all);
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const queue = useMemo(() => callbackQueue(all, now), [all, now]);

  return (
    <section className="queue" aria-labelledby="queue-title">
      <h2 id="queue-title">
        {t('calls.queue.title')} <span className="badge">{queue.length}</span>
      </h2>
      {queue.length === 0 && <p className="muted">{t('calls.queue.empty')}</p>}
      <ol>
        {queue.slice(0, 50).map(({ call, overdue }) => (
          <li
            key={call.id}
            className={overdue ? 'queue__item queue__item--overdue' : 'queue__item'}
            data-testid="callback"
          >
            <div>
              <strong>{displayPhone(call.callbackNumber ?? call.callerPhone)}</strong>{' '}
              {overdue && <span className="badge badge--bad">{t('calls.queue.overdue')}</span>}
              <div className="muted small">
                {call.callbackDueAt
                  ? t('calls.queue.due', { time: shortDateTime(call.callbackDueAt) })
                  : t('calls.queue.noPromise')}{' '}
                · {call.summary}
              </div>
            </div>
            <button
              type="button"
              onClick={() =>
                void store.calls.save([{ ...call, status: 'called-back' }]).catch(reportWriteError)
              }
            >
              {t('calls.queue.markCalledBack')}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
