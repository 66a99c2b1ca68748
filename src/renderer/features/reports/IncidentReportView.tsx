import { useMemo } from 'react';
import { buildIncidentReport, complianceCounts, reportDocument, wording } from '@shared/closeout';
import type { IncidentState } from '@shared/incidents';
import type { Locale } from '@shared/settings/schema';
import { usePolicyStore } from '../../app/policy-store';
import { useTemplates } from '../checklist/use-templates';
import { CloseoutPanel } from '../closeout/CloseoutPanel';
import { useIncidentsRepository } from '../incidents/use-incidents';
import { CallsChart, ComplianceChart } from './charts';
import { DocumentView } from './DocumentView';
import { ExportBar } from './ExportBar';
import { safeName } from './export';
import { useCallsAround } from './use-report-data';

/** One incident: its close-out, then its report (DOMAIN §9) as it will print. */
export function IncidentReportView(props: { incident: IncidentState; locale: Locale; now: Date }) {
  const { incident, locale, now } = props;
  const policy = usePolicyStore((s) => s.state.policy);
  // Every template version this seat knows, so the report finds the exact one the incident ran.
  const templates = useTemplates().known;
  const repository = useIncidentsRepository();
  const start = new Date(incident.declared.at);
  const calls = useCallsAround(new Date(start.getTime() - 3_600_000), now);
  const report = useMemo(
    () => buildIncidentReport({ policy, incident, calls: calls ?? [], templates, now }),
    [policy, incident, calls, templates, now],
  );
  const doc = useMemo(() => reportDocument(report, policy, locale), [report, policy, locale]);
  const w = wording(policy, locale);
  const site = report.fields['site-name'] ?? policy.central.siteCode ?? '';
  const marks = [
    { at: report.declared.at, label: w.level(report.levels.preliminary) },
    ...report.levels.changes.map((c) => ({ at: c.at, label: w.level(c.to) })),
  ];

  return (
    <>
      {calls && (
        <CloseoutPanel incident={incident} report={report} calls={calls} repository={repository} now={now} />
      )}
      <ExportBar
        doc={doc}
        locale={locale}
        fileBase={`floorguard-incident-${safeName(site)}-${incident.id.slice(0, 8)}`}
        header={[site, `${w.m.doc.incidentId} ${incident.id}`].filter(Boolean).join(' · ')}
      />
      <DocumentView
        doc={doc}
        testId="incident-report"
        chart={(chart) =>
          chart === 'calls' ? (
            <CallsChart
              label={w.m.doc.charts.calls}
              buckets={report.calls.perQuarter}
              marks={marks}
              timeZone={policy.calendar.timeZone}
            />
          ) : (
            <ComplianceChart
              label={w.m.doc.charts.compliance}
              counts={complianceCounts([...report.compliance.clocks, ...report.compliance.steps])}
              names={w.m.status}
            />
          )
        }
      />
    </>
  );
}
