import { useTranslation } from 'react-i18next';
import { LOCALES } from '@shared/settings/schema';
import { usePolicyStore } from '../../app/policy-store';
import { useSeatStore } from '../settings/seat-store';
import { dateTime } from '../incidents/format';
import {
  levelName,
  scenarioName,
  useIncidents,
  useIncidentsLoaded,
  useNow,
} from '../incidents/use-incidents';
import { IncidentReportView } from './IncidentReportView';
import { useReportsUi, type ReportsTab } from './reports-ui-store';
import { WeeklyReviewView } from './WeeklyReviewView';

const TABS: readonly ReportsTab[] = ['incident', 'weekly'];

/** The reports place: one incident's close-out and report, or the weekly review; either in either language. */
export function ReportsPage() {
  const { t } = useTranslation();
  const policy = usePolicyStore((s) => s.state.policy);
  const seatLocale = useSeatStore((s) => s.settings.locale);
  const ui = useReportsUi();
  const incidents = useIncidents();
  const loaded = useIncidentsLoaded();
  // Reports need no second-by-second clock; an open incident's figures move on every half minute.
  const now = useNow(30_000);
  const locale = ui.locale ?? seatLocale;
  const incident = incidents.find((i) => i.id === ui.incidentId) ?? incidents[0];

  return (
    <section className="page reports report-print" aria-labelledby="reports-title">
      <header className="page__head no-print">
        <h1 id="reports-title">{t('reports.title')}</h1>
        <div className="reports__tabs" role="group" aria-label={t('reports.title')}>
          {TABS.map((tab) => (
            <button key={tab} type="button" aria-pressed={ui.tab === tab} onClick={() => ui.setTab(tab)}>
              {t(`reports.tabs.${tab}`)}
            </button>
          ))}
        </div>
        <label className="field field--narrow">
          <span>{t('reports.language')}</span>
          <select
            value={locale}
            onChange={(e) => {
              const picked = LOCALES.find((l) => l === e.target.value);
              if (picked) ui.setLocale(picked);
            }}
          >
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {t(`reports.languages.${l}`)}
              </option>
            ))}
          </select>
        </label>
      </header>

      {ui.tab === 'incident' ? (
        <>
          {loaded && !incident && <p className="muted">{t('reports.noIncidents')}</p>}
          {incident && (
            <>
              <label className="field no-print">
                <span>{t('reports.pickIncident')}</span>
                <select value={incident.id} onChange={(e) => ui.setIncident(e.target.value)}>
                  {incidents.map((i) => (
                    <option key={i.id} value={i.id}>
                      {dateTime(i.declared.at, policy.calendar.timeZone)} ·{' '}
                      {scenarioName(i.scenario, seatLocale, i.template)} ·{' '}
                      {levelName(policy, i.level, seatLocale)} · {t(`reports.${i.status}`)}
                    </option>
                  ))}
                </select>
              </label>
              <IncidentReportView key={incident.id} incident={incident} locale={locale} now={now} />
            </>
          )}
        </>
      ) : (
        <WeeklyReviewView incidents={incidents} locale={locale} now={now} />
      )}
    </section>
  );
}
