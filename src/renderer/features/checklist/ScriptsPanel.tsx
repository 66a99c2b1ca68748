import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSeatStore } from '../settings/seat-store';
import { searchSnippets } from './checklist-model';
import { SnippetCard } from './SnippetCard';
import { useTemplates } from './use-templates';

/** The whole scripts knowledge base (话术), searchable in either language, each with a copy button. */
export function ScriptsPanel() {
  const { t } = useTranslation();
  const locale = useSeatStore((s) => s.settings.locale);
  const [query, setQuery] = useState('');
  const id = useId();
  const { scripts } = useTemplates();
  const found = searchSnippets(scripts, query, locale);
  return (
    <aside className="cl-scripts" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('checklist.scripts.title')}</h2>
      <label htmlFor={`${id}-search`}>{t('checklist.scripts.search')}</label>
      <input id={`${id}-search`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      {found.length === 0 ? (
        <p className="muted">{t('checklist.scripts.none', { query })}</p>
      ) : (
        <ul className="cl-snippets" data-testid="script-list">
          {found.map((snippet) => (
            <SnippetCard key={snippet.id} snippet={snippet} />
          ))}
        </ul>
      )}
    </aside>
  );
}
