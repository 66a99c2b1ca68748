import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from 'date-fns';
import { buildWeeklyReview, weekStartOf, weeklyDocument, wording } from '@shared/closeout';
import type { IncidentState } from '@shared/incidents';
import type { Locale } from '@shared/settings/schema';
import { usePolicyStore } from '../../app/policy-store';
import { useTemplates } from '../checklist/use-templates';
import { DocumentView } from './DocumentView';
import { ExportBar } from './ExportBar';
import { safeName } from './export';
import { useReportsUi } from './reports-ui-store';
import { useCallsAround } from './use-report-data';

/** Seed 002 §5's weekly meeting: the week's incidents, their grades and deadlines, callbacks owed, repeated problems. */
export function WeeklyReviewView(props: { incidents: readonly IncidentState[]; locale: Locale; now: Date }) {
  const { t } = useTranslation();
  const policy = usePolicyStore((s) => s.state.policy);
  // Every template version this seat knows, so the report finds the exact one the incident ran.
  const templates = useTemplates().known;
  const zone = policy.calendar.timeZone;
  const chosen = useReportsUi((s) => s.weekStart);
  const weekStart = useMemo(
    () => (chosen ? new Date(chosen) : weekStartOf(props.now, zone)),
    [chosen, props.now, zone],
  );
  const weekEnd = new Date(weekStart.getTime() + 7 * 86_400_000);
  // Incidents of the week may reach back into the week before for their complaint counts.
  const calls = useCallsAround(new Date(weekStart.getTime() - 3_600_000), weekEnd);
  const review = useMemo(
    () =>
      buildWeeklyReview({
        policy,
        incidents: props.incidents,
        calls: calls ?? [],
        templates,
        weekStart,
        now: props.now,
      }),
    [policy, props.incidents, calls, templates, weekStart, props.now],
  );
  const doc = useMemo(() => weeklyDocument(review, policy, props.locale), [review, policy, props.locale]);
  const w = wording(policy, props.locale);
  // Monday ± 7 days in the site's calendar (addDays on the zoned date keeps a daylight-saving week whole).
  const shift = (days: number) =>
    useReportsUi.getState().setWeek(weekStartOf(addDays(weekStart, days), zone).toISOString());
  const day = w.time(review.from).slice(0, 10);

  return (
    <>
      <div className="report-week no-print">
        <button type="button" onClick={() => shift(-7)}>
          {t('reports.weekly.previous')}
        </button>
        <span data-testid="weekly-range">{day}</span>
        <button type="button" onClick={() => shift(7)}>
          {t('reports.weekly.next')}
        </button>
      </div>
      <ExportBar
        doc={doc}
        locale={props.locale}
        fileBase={`floorguard-weekly-${safeName(day)}`}
        header={[policy.central.siteCode, `${w.m.weekly.title} ${day}`].filter(Boolean).join(' · ')}
      />
      <DocumentView doc={doc} testId="weekly-review" />
    </>
  );
}
