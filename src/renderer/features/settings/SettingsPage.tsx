import { useState, type FormEvent } from 'react';
import type { SeatSettings } from '@shared/settings/schema';
import { useTranslation } from 'react-i18next';
import { useSeatStore } from './seat-store';
import { IpcErrorMessage } from '../../app/IpcErrorMessage';
import { SyncSettings } from '../sync/SyncSettings';

export function SettingsPage() {
  const settings = useSeatStore((s) => s.settings);
  // Lives above the form: saving re-mounts the form (below) and must not lose the confirmation.
  const [saved, setSaved] = useState(false);
  // Re-mount the form when main's values change (another window, the tray) so the fields show them.
  return (
    <>
      <SeatForm
        key={`${settings.agentName}\u0000${settings.seatName}`}
        settings={settings}
        saved={saved}
        onSaved={setSaved}
      />
      <SyncSettings />
    </>
  );
}

function SeatForm({
  settings,
  saved,
  onSaved,
}: {
  settings: SeatSettings;
  saved: boolean;
  onSaved: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const update = useSeatStore((s) => s.update);
  const error = useSeatStore((s) => s.error);
  const [agentName, setAgentName] = useState(settings.agentName);
  const [seatName, setSeatName] = useState(settings.seatName);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    onSaved(await update({ agentName, seatName }));
  };

  return (
    <section className="page" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <form className="form" onSubmit={(e) => void onSubmit(e)}>
        <label>
          {t('settings.agentName')}
          <input value={agentName} onChange={(e) => setAgentName(e.target.value)} maxLength={64} />
        </label>
        <label>
          {t('settings.seatName')}
          <input value={seatName} onChange={(e) => setSeatName(e.target.value)} maxLength={64} />
        </label>
        <button type="submit">{t('settings.save')}</button>
        {saved && <span role="status">{t('settings.saved')}</span>}
        {error && <IpcErrorMessage error={error} />}
      </form>
    </section>
  );
}
