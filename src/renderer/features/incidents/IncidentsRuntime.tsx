import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useIncidentBridge } from '../../app/incident-bridge';
import { DeclareDialog } from './DeclareDialog';
import { useIncidentsUi } from './incidents-ui-store';
import { useDeadlineNotifications } from './notifications';
import { useIncidents, useIncidentsRepository, useNow } from './use-incidents';
import { usePlans } from './use-plans';
import { useTrayBridge } from './use-tray-bridge';

/**
 * What the incidents feature runs whatever place is shown: the declaration dialog, deadline notifications, the
 * tray's report and actions, and the requests other features post (declare offers, timeline notes).
 */
export function IncidentsRuntime() {
  const { t } = useTranslation();
  const incidents = useIncidents();
  const now = useNow(1000);
  const entries = usePlans(incidents, now);
  const repository = useIncidentsRepository();
  useDeadlineNotifications(entries);
  useTrayBridge(entries, repository);

  const declareRequest = useIncidentBridge((s) => s.declareRequest);
  useEffect(() => {
    if (!declareRequest) return;
    useIncidentsUi
      .getState()
      .openDeclare({ scenario: declareRequest.scenario, offered: declareRequest.reason });
    useIncidentBridge.getState().clearDeclareRequest();
  }, [declareRequest]);

  // Notes wait in the bridge until an incident is open; they go to the most recently declared open one.
  const notes = useIncidentBridge((s) => s.timelineNotes);
  const openId = incidents.find((i) => i.status === 'open')?.id;
  useEffect(() => {
    if (!openId || notes.length === 0) return;
    const taken = useIncidentBridge.getState().takeTimelineNotes();
    void (async () => {
      for (const note of taken) {
        try {
          await repository.append(
            openId,
            'incident.note',
            { text: note.text },
            { occurredAt: new Date(note.at) },
          );
        } catch (error) {
          useIncidentsUi
            .getState()
            .setNotice(
              t('incidents.saveFailed', { error: error instanceof Error ? error.message : String(error) }),
            );
        }
      }
    })();
  }, [openId, notes, repository, t]);

  return <DeclareDialog />;
}
