import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScenarioId } from '@shared/checklists';
import { useIncidentBridge } from '../../app/incident-bridge';
import { useNavStore } from '../../app/nav-store';
import type { Offer } from './alert-episodes';
import { clockTime, minutesSince } from './format';
import { followMonitors, useMonitorsStore } from './monitors-store';

const POWER_CUT = 'power-cut' satisfies ScenarioId;
const CRM_DOWN = 'information-system-down' satisfies ScenarioId;

/**
 * The offers that follow from the monitors, shown above every page (the floor may be anywhere when mains goes).
 * Mounted once in the app's banners, it also keeps the monitor feed running for the whole session.
 */
export function PowerAlerts() {
  const offers = useMonitorsStore((s) => s.offers);
  useEffect(() => followMonitors(), []);
  return (
    <>
      {offers.map((offer) => (
        <OfferBanner key={offer.id} offer={offer} />
      ))}
    </>
  );
}

function OfferBanner({ offer }: { offer: Offer }) {
  const { t } = useTranslation();
  const now = useMonitorsStore((s) => s.now);
  const settle = useMonitorsStore((s) => s.settle);
  const requestDeclare = useIncidentBridge((s) => s.requestDeclare);
  const time = clockTime(offer.since);

  if (offer.kind === 'power-cut') {
    const names = offer.ups.join('、');
    return (
      <div className="banner banner--bad power-offer" role="alert" data-testid="offer-power-cut">
        <span>{t('power.offer.powerCut', { names, time })}</span>
        <span className="power-offer__actions">
          <button
            type="button"
            className="power-offer__primary"
            onClick={() => {
              requestDeclare({ scenario: POWER_CUT, reason: t('power.reason.powerCut', { names, time }) });
              settle(offer.id);
            }}
          >
            {t('power.offer.declarePowerCut')}
          </button>
          <button type="button" onClick={() => settle(offer.id)}>
            {t('power.offer.dismiss')}
          </button>
        </span>
      </div>
    );
  }

  const minutes = Math.floor(minutesSince(offer.since, now));
  return (
    <div className="banner banner--bad power-offer" role="alert" data-testid="offer-crm-down">
      <span>{t('power.offer.crmDown', { name: offer.line, minutes })}</span>
      <span className="power-offer__actions">
        <button
          type="button"
          className="power-offer__primary"
          onClick={() => {
            requestDeclare({
              scenario: CRM_DOWN,
              reason: t('power.reason.crmDown', { name: offer.line, time, minutes }),
            });
            settle(offer.id);
          }}
        >
          {t('power.offer.declareCrmDown')}
        </button>
        <button type="button" onClick={() => useNavStore.getState().go('calls')}>
          {t('power.offer.openCallSheet')}
        </button>
        <button type="button" onClick={() => settle(offer.id)}>
          {t('power.offer.dismiss')}
        </button>
      </span>
    </div>
  );
}
