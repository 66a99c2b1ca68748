import { useTranslation } from 'react-i18next';

/** The worst power state of the floor (UPS units and this seat's own battery). */
export function PowerStatusItem() {
  const { t } = useTranslation();
  return (
    <span className="status__item" data-testid="status-power">
      {t('status.power')}: {t('status.powerUnknown')}
    </span>
  );
}
