import { useTranslation } from 'react-i18next';
import { useNavStore } from '../../app/nav-store';
import { CloseoutEntry } from '../closeout/CloseoutEntry';
import { EscalationBoard } from './EscalationBoard';
import { useIncidentsUi } from './incidents-ui-store';
import { useIncidents, useIncidentsLoaded, useIncidentsRepository, useNow } from './use-incidents';
import { usePlans } from './use-plans';

/** The incident place: every open incident's escalation board, then the resolved ones. */
export function IncidentPage() {
  const { t } = useTranslation();
  const incidents = useIncidents();
  const loaded = useIncidentsLoaded();
  const now = useNow(1000);
  const entries = usePlans(incidents, now);
  const repository = useIncidentsRepository();
  const notice = useIncidentsUi((s) => s.notice);
  const open = entries.filter((e) => e.incident.status === 'open');
  const resolved = entries.filter((e) => e.incident.status === 'resolved');

  return (
    <section className="page incidents" aria-labelledby="incidents-title">
      <header className="page__head">
        <h1 id="incidents-title">{t('incidents.title')}</h1>
        <button type="button" className="primary" onClick={() => useIncidentsUi.getState().openDeclare()}>
          {t('incidents.declareButton')}
        </button>
        {open.length > 0 && (
          <button type="button" onClick={() => useNavStore.getState().go('checklist')}>
            {t('nav.checklist')}
          </button>
        )}
      </header>
      {notice && (
        <p className="notice notice--warn" role="alert">
          {notice}
        </p>
      )}
      {loaded && open.length === 0 && <p className="muted">{t('incidents.none')}</p>}
      {open.map((e) => (
        <div key={e.incident.id}>
          <CloseoutEntry incidentId={e.incident.id} />
          <EscalationBoard incident={e.incident} plan={e.plan} now={now} repository={repository} />
        </div>
      ))}
      {resolved.length > 0 && (
        <details className="incidents__resolved">
          <summary>{t('incidents.resolvedIncidents')}</summary>
          {resolved.map((e) => (
            <EscalationBoard
              key={e.incident.id}
              incident={e.incident}
              plan={e.plan}
              now={now}
              repository={repository}
            />
          ))}
        </details>
      )}
    </section>
  );
}
