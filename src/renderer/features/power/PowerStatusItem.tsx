import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FloorSeverity } from '@shared/ipc/channels/monitors';
import { useNavStore } from '../../app/nav-store';
import { selectFloorPower, useMonitorsStore } from './monitors-store';

const TONE: Record<FloorSeverity, string> = {
  unmonitored: 'status__item--muted',
  unknown: 'status__item--muted',
  ok: 'status__item--ok',
  warning: 'status__item--warn',
  critical: 'status__item--bad',
};

/** The worst power state of the floor (UPS units, lines and this seat's own battery); opens the power place. */
export function PowerStatusItem() {
  const { t } = useTranslation();
  const ups = useMonitorsStore((s) => s.ups);
  const lines = useMonitorsStore((s) => s.lines);
  const seat = useMonitorsStore((s) => s.seat);
  const summary = useMemo(() => selectFloorPower({ ups, lines, seat }), [ups, lines, seat]);
  const worst = summary.worst;
  const text = worst ? t(`power.condition.${worst.code}`, worst.values) : t('power.condition.unmonitored');
  const more =
    summary.problems.length > 1 ? t('power.statusMore', { count: summary.problems.length - 1 }) : '';
  return (
    <button
      type="button"
      className={`status__item status__button ${TONE[summary.severity]}`}
      data-testid="status-power"
      data-severity={summary.severity}
      onClick={() => useNavStore.getState().go('power')}
    >
      {t('status.power')}: {text}
      {more && ` · ${more}`}
    </button>
  );
}
