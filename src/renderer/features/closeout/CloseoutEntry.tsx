import { useTranslation } from 'react-i18next';
import { useNavStore } from '../../app/nav-store';
import { useReportsUi } from '../reports/reports-ui-store';

/** From an incident's board to its close-out and report in the reports place. */
export function CloseoutEntry({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="closeout-entry"
      data-testid="closeout-entry"
      onClick={() => {
        useReportsUi.getState().setIncident(incidentId);
        useNavStore.getState().go('reports');
      }}
    >
      {t('reports.closeoutEntry')}
    </button>
  );
}
