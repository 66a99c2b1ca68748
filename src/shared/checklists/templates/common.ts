import type { ChecklistStep } from '../schema';

/** Three days, in minutes: the data-centre plans want a written report "within three days" of the close. */
export const WRITTEN_REPORT_MINUTES = 3 * 24 * 60;

/**
 * Seed 004 asks for an hourly progress report while an incident runs ("每小时向应急指挥组汇报进展");
 * counted from the last update, so a late report moves the next one instead of stacking two.
 */
export function statusUpdateStep(owner: ChecklistStep['owner'], everyMinutes = 60): ChecklistStep {
  return {
    id: 'status-update',
    owner,
    repeatEveryMinutes: everyMinutes,
    text: {
      zh: `每${everyMinutes}分钟向上级通报一次进展:影响范围、当前状态、处理措施。`,
      en: `Every ${everyMinutes} minutes, report progress upward: scope, current state, what is being done.`,
    },
  };
}

/** Seed 003 第四篇 3.x: the duty engineer's written report to the command group, due three days after the close. */
export function writtenReportStep(what: { zh: string; en: string }): ChecklistStep {
  return {
    id: 'written-report',
    owner: 'it-ops',
    dueFrom: 'resolved',
    dueAfterMinutes: WRITTEN_REPORT_MINUTES,
    links: { app: { place: 'contacts', role: 'command-centre' } },
    text: {
      zh: `处置结束后三日内,向应急领导小组提交书面报告:${what.zh}`,
      en: `Within three days of the close, send the command group a written report: ${what.en}`,
    },
  };
}
