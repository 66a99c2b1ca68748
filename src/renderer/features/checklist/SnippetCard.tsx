import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize, type ScriptSnippet } from '@shared/checklists';
import { useSeatStore } from '../settings/seat-store';

/** One script (话术) as the agent reads it out, with a copy button for the chat or ticket they are writing. */
export function SnippetCard({ snippet }: { snippet: ScriptSnippet }) {
  const { t } = useTranslation();
  const locale = useSeatStore((s) => s.settings.locale);
  const [status, setStatus] = useState<'copied' | 'failed' | null>(null);
  const title = localize(snippet.title, locale);
  const text = localize(snippet.text, locale);

  function copy() {
    const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
    if (!clipboard) return setStatus('failed');
    void clipboard.writeText(text).then(
      () => setStatus('copied'),
      () => setStatus('failed'),
    );
  }

  return (
    <li className="cl-snippet" data-testid="script" data-script={snippet.id}>
      <div className="cl-snippet__head">
        <strong>{title}</strong>
        <button
          type="button"
          className="link"
          onClick={copy}
          aria-label={`${t('checklist.scripts.copy')} ${title}`}
        >
          {t('checklist.scripts.copy')}
        </button>
      </div>
      <p className="cl-snippet__text">{text}</p>
      {status && (
        <p className={status === 'failed' ? 'error' : 'muted'} role="status">
          {status === 'copied' ? t('checklist.scripts.copied', { title }) : t('checklist.scripts.copyFailed')}
        </p>
      )}
    </li>
  );
}
