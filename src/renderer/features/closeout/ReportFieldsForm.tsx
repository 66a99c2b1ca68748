import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { noteKindOf, REPORT_FIELDS, wording, type ReportField, type ReportFields } from '@shared/closeout';
import { usePolicyStore } from '../../app/policy-store';
import { useSeatStore } from '../settings/seat-store';
import type { IncidentState } from '@shared/incidents';
import type { IncidentsRepository } from '../incidents/incidents-repository';

/** Fields that take a paragraph; the rest (names, dates, a place) take a line. */
const LONG: ReadonlySet<ReportField> = new Set<ReportField>([
  'measures',
  'control',
  'trend',
  'other',
  'what',
  'why',
  'how',
  'actions',
  'kb-changes',
]);

/**
 * The report's own text (DOMAIN §9): site, impact, measures, trend, 5W1H, actions, sign-off. Only changed fields are
 * written, each as a note of its kind, so the log shows who wrote each part and when.
 */
export function ReportFieldsForm(props: {
  incident: IncidentState;
  fields: ReportFields;
  repository: IncidentsRepository;
}) {
  const { t } = useTranslation();
  const policy = usePolicyStore((s) => s.state.policy);
  const locale = useSeatStore((s) => s.settings.locale);
  const labels = wording(policy, locale).m.fields;
  const [drafts, setDrafts] = useState<ReportFields>(props.fields);
  const [status, setStatus] = useState<{ kind: 'saved' } | { kind: 'error'; text: string } | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const changed = REPORT_FIELDS.filter((field) => {
      const text = drafts[field]?.trim() ?? '';
      return text !== '' && text !== (props.fields[field] ?? '');
    });
    try {
      for (const field of changed) {
        await props.repository.append(props.incident.id, 'incident.note', {
          text: drafts[field]?.trim() ?? '',
          kind: noteKindOf(field),
        });
      }
      setStatus({ kind: 'saved' });
    } catch (e) {
      setStatus({
        kind: 'error',
        text: t('reports.saveFailed', { error: e instanceof Error ? e.message : String(e) }),
      });
    }
  }

  return (
    <form
      className="closeout__fields"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={t('reports.fields.title')}
    >
      <h3>{t('reports.fields.title')}</h3>
      <div className="closeout__grid">
        {REPORT_FIELDS.map((field) => (
          <label key={field} className={LONG.has(field) ? 'field closeout__wide' : 'field'}>
            <span>{labels[field]}</span>
            {LONG.has(field) ? (
              <textarea
                rows={2}
                maxLength={4000}
                value={drafts[field] ?? ''}
                onChange={(e) => setDrafts({ ...drafts, [field]: e.target.value })}
              />
            ) : (
              <input
                maxLength={4000}
                value={drafts[field] ?? ''}
                onChange={(e) => setDrafts({ ...drafts, [field]: e.target.value })}
              />
            )}
          </label>
        ))}
      </div>
      <button type="submit">{t('reports.fields.save')}</button>
      {status?.kind === 'saved' && (
        <span className="muted" role="status">
          {t('reports.fields.saved')}
        </span>
      )}
      {status?.kind === 'error' && (
        <p className="field__error" role="alert">
          {status.text}
        </p>
      )}
    </form>
  );
}
