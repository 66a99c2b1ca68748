import { useMemo } from 'react';
import { planEscalation, type EscalationPlan, type IncidentState } from '@shared/incidents';
import { usePolicyStore } from '../../app/policy-store';

export interface PlannedIncident {
  incident: IncidentState;
  plan: EscalationPlan;
}

/** Each incident with its escalation plan at `now` (recomputed as the clock ticks). */
export function usePlans(incidents: readonly IncidentState[], now: Date): PlannedIncident[] {
  const policy = usePolicyStore((s) => s.state.policy);
  return useMemo(
    () => incidents.map((incident) => ({ incident, plan: planEscalation(policy, incident, now) })),
    [incidents, policy, now],
  );
}
