import { useTranslation } from 'react-i18next';
import { LineCard } from './LineCard';
import { useMonitorsStore } from './monitors-store';
import { UpsCard } from './UpsCard';
import { SinceLine } from './SinceLine';

/** The power place: every UPS, this seat, every line, each with its state, since when, figures and last hour. */
export function PowerPage() {
  const { t } = useTranslation();
  const ups = useMonitorsStore((s) => s.ups);
  const seat = useMonitorsStore((s) => s.seat);
  const lines = useMonitorsStore((s) => s.lines);
  const history = useMonitorsStore((s) => s.chargeHistory);
  const now = useMonitorsStore((s) => s.now);
  const seatLook = seat.onBattery === null ? 'unknown' : seat.onBattery ? 'onBattery' : 'onMains';
  return (
    <section className="page power-page" aria-labelledby="power-title">
      <h1 id="power-title">{t('power.title')}</h1>
      <section aria-labelledby="power-ups-title">
        <h2 id="power-ups-title">{t('power.upsHeading')}</h2>
        <div className="power-grid">
          {ups.map((unit) => (
            <UpsCard key={unit.name} ups={unit} history={history[unit.name] ?? []} now={now} />
          ))}
          <article
            className={`power-card power-card--${seat.onBattery ? 'warn' : seat.onBattery === null ? 'unknown' : 'ok'}`}
            aria-labelledby="power-seat-title"
            data-testid="seat-card"
          >
            <header className="power-card__head">
              <h3 id="power-seat-title">{t('power.seatHeading')}</h3>
              <span className="power-card__state" data-testid="seat-state">
                {t(`power.seat.${seatLook}`)}
              </span>
            </header>
            {seat.since && <SinceLine since={seat.since} now={now} />}
          </article>
        </div>
        {ups.length === 0 && <p className="muted">{t('power.noUps')}</p>}
      </section>
      <section aria-labelledby="power-lines-title">
        <h2 id="power-lines-title">{t('power.linesHeading')}</h2>
        {lines.length === 0 ? (
          <p className="muted">{t('power.noLines')}</p>
        ) : (
          <div className="power-grid">
            {lines.map((line) => (
              <LineCard key={line.name} line={line} now={now} />
            ))}
          </div>
        )}
      </section>
    </section>
  );
}
