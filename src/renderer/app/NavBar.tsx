import { useTranslation } from 'react-i18next';
import { PLACES } from './places';
import { useNavStore } from './nav-store';

export function NavBar() {
  const { t } = useTranslation();
  const place = useNavStore((s) => s.place);
  const go = useNavStore((s) => s.go);
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      <div className="nav__brand">{t('app.name')}</div>
      <ul>
        {PLACES.map((p, index) => (
          <li key={p}>
            <button
              type="button"
              className="nav__item"
              aria-current={p === place ? 'page' : undefined}
              onClick={() => go(p)}
              title={t('nav.shortcutHint', { key: index + 1 })}
            >
              <span>{t(`nav.${p}`)}</span>
              <kbd>{index + 1}</kbd>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
