import { useTranslation } from 'react-i18next';
import { usePolicyStore } from '../../app/policy-store';
import { clockTime } from './format';
import { useIncidents } from './use-incidents';

/** The unified statement (统一口径) of each open incident, on every page: every agent says the same thing. */
export function StatementBanner() {
  const { t } = useTranslation();
  const incidents = useIncidents();
  const zone = usePolicyStore((s) => s.state.policy.calendar.timeZone);
  const statements = incidents.filter((i) => i.status === 'open' && i.statement);
  return (
    <>
      {statements.map((i) =>
        i.statement ? (
          <p key={i.id} className="banner banner--statement" role="status" data-testid="banner-statement">
            {t('incidents.statement.banner', {
              time: clockTime(i.statement.at, zone),
              text: i.statement.text,
            })}
          </p>
        ) : null,
      )}
    </>
  );
}
