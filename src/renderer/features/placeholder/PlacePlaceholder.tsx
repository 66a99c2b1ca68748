import { useTranslation } from 'react-i18next';
import type { Place } from '../../app/places';

/** What a place shows until its feature lands: its purpose, so the frame already reads as the product. */
export function PlacePlaceholder({ place }: { place: Exclude<Place, 'settings'> }) {
  const { t } = useTranslation();
  return (
    <section className="page" aria-labelledby={`${place}-title`}>
      <h1 id={`${place}-title`}>{t(`nav.${place}`)}</h1>
      <p className="muted">{t(`placeholder.${place}`)}</p>
    </section>
  );
}
