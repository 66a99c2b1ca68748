import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallLog } from '@shared/calls/schema';
import { AVAILABILITY_REASON_KIND, roundHours, wording, type IncidentReport } from '@shared/closeout';
import type { IncidentState } from '@shared/incidents';
import { usePolicyStore } from '../../app/policy-store';
import { useSeatStore } from '../settings/seat-store';
import type { IncidentsRepository } from '../incidents/incidents-repository';
import { levelName } from '../incidents/use-incidents';
import { fromLocalInput, parseAmount, previewCloseout, toLocalInput } from './closeout-preview';
import { ReportFieldsForm } from './ReportFieldsForm';

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Close-out of one incident: recovery and final grade (DOMAIN §6) while it is open or ungraded, reopen once it is
 * closed, and the report's own text fields. Everything is written as incident events, so it syncs and journals.
 */
export function CloseoutPanel(props: {
  incident: IncidentState;
  report: IncidentReport;
  calls: readonly CallLog[];
  repository: IncidentsRepository;
  now: Date;
}) {
  const { t } = useTranslation();
  const { incident, report } = props;
  const needsGrade = incident.status === 'open' || report.final === null;
  return (
    <section className="closeout no-print" aria-label={t('reports.closeout.title')} data-testid="closeout">
      {needsGrade ? (
        <ResolveForm key={`${incident.id}:${incident.events.length}`} {...props} />
      ) : (
        <ReopenForm incident={incident} report={report} repository={props.repository} />
      )}
      <ReportFieldsForm
        key={incident.id}
        incident={incident}
        fields={report.fields}
        repository={props.repository}
      />
    </section>
  );
}

function ResolveForm(props: {
  incident: IncidentState;
  report: IncidentReport;
  calls: readonly CallLog[];
  repository: IncidentsRepository;
  now: Date;
}) {
  const { incident, report, repository } = props;
  const { t } = useTranslation();
  const policy = usePolicyStore((s) => s.state.policy);
  const locale = useSeatStore((s) => s.settings.locale);
  const words = wording(policy, locale);
  const zone = policy.calendar.timeZone;
  const open = incident.status === 'open';
  // A resolved but ungraded incident keeps the recovery time it has; an open one starts from now.
  const [recovered, setRecovered] = useState(() =>
    toLocalInput(report.recoveredAt ? new Date(report.recoveredAt) : props.now, zone),
  );
  const [availability, setAvailability] = useState('');
  const [reason, setReason] = useState('');
  const [loss, setLoss] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const recoveredAt = useMemo(() => fromLocalInput(recovered, zone), [recovered, zone]);
  const preview = useMemo(
    () =>
      recoveredAt
        ? previewCloseout({
            policy,
            incident,
            calls: props.calls,
            recoveredAt,
            availabilityText: availability,
            lossText: loss,
          })
        : null,
    [policy, incident, props.calls, recoveredAt, availability, loss],
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    const lastStart = report.periods.at(-1)?.start;
    if (
      !recoveredAt ||
      (open && (recoveredAt > new Date() || (lastStart && recoveredAt < new Date(lastStart))))
    )
      return setError(t('reports.closeout.recoveredInvalid'));
    if (!preview?.final) return setError(t('reports.closeout.invalidNumber'));
    if (preview.edited && reason.trim() === '')
      return setError(t('reports.closeout.availabilityReasonRequired'));
    setError(null);
    setBusy(true);
    try {
      if (preview.edited)
        await repository.append(incident.id, 'incident.note', {
          text: reason.trim(),
          kind: AVAILABILITY_REASON_KIND,
        });
      if (open) await repository.append(incident.id, 'incident.resolved', {}, { occurredAt: recoveredAt });
      await repository.append(incident.id, 'incident.final-graded', {
        level: preview.final.level,
        availabilityHours: preview.hours,
        lossCny: parseAmount(loss) ?? 0,
        complaintLevel: preview.complaints.level,
        decidingCriterion: preview.final.decidingCriterion,
        reasons: preview.final.reasons.slice(0, 10).map((r) => r.slice(0, 300)),
      });
    } catch (e) {
      setError(t('reports.saveFailed', { error: errorText(e) }));
    } finally {
      setBusy(false);
    }
  }

  const final = preview?.final;
  return (
    <form
      className="closeout__form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={t('reports.closeout.title')}
    >
      <h3>{t('reports.closeout.title')}</h3>
      {report.status === 'open' && report.periods.length > 1 && (
        <p className="muted">{t('reports.closeout.reopened')}</p>
      )}
      <div className="closeout__grid">
        <label className="field">
          <span>{t('reports.closeout.recoveredAt')}</span>
          <input
            type="datetime-local"
            value={recovered}
            disabled={!open}
            onChange={(e) => setRecovered(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('reports.closeout.availabilityHours')}</span>
          <input
            inputMode="decimal"
            value={availability}
            placeholder={preview ? String(roundHours(preview.computedHours)) : ''}
            onChange={(e) => setAvailability(e.target.value)}
          />
        </label>
        {preview?.edited && (
          <label className="field">
            <span>{t('reports.closeout.availabilityReason')}</span>
            <input value={reason} maxLength={4000} onChange={(e) => setReason(e.target.value)} />
          </label>
        )}
        <label className="field">
          <span>{t('reports.closeout.lossCny')}</span>
          <input inputMode="decimal" value={loss} placeholder="0" onChange={(e) => setLoss(e.target.value)} />
        </label>
      </div>
      {preview && (
        <div className="closeout__preview" data-testid="closeout-preview" aria-live="polite">
          <p>{t('reports.closeout.computedHours', { hours: roundHours(preview.computedHours) })}</p>
          <p>
            {preview.complaints.level
              ? t('reports.closeout.complaintLevel', {
                  level: levelName(policy, preview.complaints.level, locale),
                })
              : t('reports.closeout.complaintNone')}
          </p>
          {final && (
            <p className="closeout__final" data-testid="closeout-final" data-level={final.level}>
              <strong>
                {t('reports.closeout.finalLevel', { level: levelName(policy, final.level, locale) })}
              </strong>{' '}
              {t('reports.closeout.deciding', {
                criterion: words.m.criterion[final.decidingCriterion],
              })}
            </p>
          )}
        </div>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {open ? t('reports.closeout.submit') : t('reports.closeout.regrade')}
      </button>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

function ReopenForm(props: {
  incident: IncidentState;
  report: IncidentReport;
  repository: IncidentsRepository;
}) {
  const { t } = useTranslation();
  const policy = usePolicyStore((s) => s.state.policy);
  const locale = useSeatStore((s) => s.settings.locale);
  const words = wording(policy, locale);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const final = props.report.final;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim() === '') return setError(t('reports.closeout.reopenReasonRequired'));
    setError(null);
    try {
      await props.repository.append(props.incident.id, 'incident.reopened', { reason: reason.trim() });
      setReason('');
    } catch (e) {
      setError(t('reports.saveFailed', { error: errorText(e) }));
    }
  }

  return (
    <form
      className="closeout__form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={t('reports.closeout.reopen')}
    >
      {final && (
        <p className="closeout__final" data-testid="closeout-final" data-level={final.level}>
          <strong>
            {t('reports.closeout.finalLevel', { level: levelName(policy, final.level, locale) })}
          </strong>{' '}
          {t('reports.closeout.deciding', { criterion: words.m.criterion[final.decidingCriterion] })}
        </p>
      )}
      <label className="field">
        <span>{t('reports.closeout.reopenReason')}</span>
        <input value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
      </label>
      <button type="submit">{t('reports.closeout.reopen')}</button>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
