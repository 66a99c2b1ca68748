import type { Bilingual, RoleId } from './schema';

/**
 * The owner roles the built-in templates use, with the seeds' own terms. The contact tree (site policy) is
 * expected to use the same ids so that "open contacts at centre-manager" lands on a person.
 */
export const CHECKLIST_ROLES = [
  'agent',
  'shift-lead',
  'supervisor',
  'cs-manager',
  'centre-manager',
  'operations-vp',
  'it',
  'facilities',
  'pr-brand',
  'command-centre',
] as const satisfies readonly RoleId[];
export type ChecklistRole = (typeof CHECKLIST_ROLES)[number];

export const ROLE_LABELS: Record<ChecklistRole, Bilingual> = {
  agent: { zh: '坐席员', en: 'Agent' },
  'shift-lead': { zh: '值班组长', en: 'Shift lead' },
  supervisor: { zh: '呼叫中心主管', en: 'Call-centre supervisor' },
  'cs-manager': { zh: '客服部经理', en: 'Customer-service manager' },
  'centre-manager': { zh: '中心经理', en: 'Centre manager' },
  'operations-vp': { zh: '运营副总', en: 'Operations VP' },
  it: { zh: '信息部/运维', en: 'IT and operations' },
  facilities: { zh: '行政后勤/维修', en: 'Facilities and maintenance' },
  'pr-brand': { zh: '品牌公关', en: 'Brand and PR' },
  'command-centre': { zh: '应急领导小组', en: 'Emergency command group' },
};
