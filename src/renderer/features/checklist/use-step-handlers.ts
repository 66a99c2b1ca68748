import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DerivedStep } from '@shared/checklists';
import { useChecklistActions } from './use-checklist';
import { useChecklistUi } from './checklist-ui-store';
import type { StepHandlers } from './StepItem';

/**
 * What the step items do, bound to one incident. A failed write is shown to the lead (nothing is silently lost)
 * and reported back as `false`, so a form keeps the text the person typed.
 */
export function useStepHandlers(
  incidentId: string,
  setAgentCount: (count: number) => void,
  focusElement: (stepId: string) => void,
): StepHandlers {
  const { t } = useTranslation();
  const actions = useChecklistActions();
  return useMemo(() => {
    const ui = () => useChecklistUi.getState();
    async function attempt(write: () => Promise<unknown>): Promise<boolean> {
      try {
        await write();
        ui().setNotice(null);
        return true;
      } catch (error) {
        ui().setNotice(
          t('checklist.saveFailed', { error: error instanceof Error ? error.message : String(error) }),
        );
        return false;
      }
    }
    return {
      toggle: (derived: DerivedStep) =>
        void attempt(() =>
          derived.state === 'done'
            ? actions.uncheck(incidentId, derived.step.id)
            : actions.check(incidentId, derived.step.id),
        ),
      openForm: (stepId, kind) => ui().openForm(stepId, kind),
      closeForm: () => {
        const stepId = ui().form?.stepId;
        ui().closeForm();
        // Back on the step the form belonged to, so the next key works without reaching for the mouse.
        if (stepId) setTimeout(() => focusElement(stepId), 0);
      },
      submitForm: (stepId, kind, text) =>
        attempt(() =>
          kind === 'skip' ? actions.skip(incidentId, stepId, text) : actions.note(incidentId, stepId, text),
        ),
      confirmCallIn: (stepId, person) => attempt(() => actions.confirmCallIn(incidentId, stepId, person)),
      setAgentCount,
      focus: (stepId) => ui().focusStep(stepId),
    } satisfies StepHandlers;
  }, [actions, incidentId, setAgentCount, focusElement, t]);
}
