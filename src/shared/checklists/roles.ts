import type { Bilingual, RoleId } from './schema';

/**
 * One set of role ids for the whole app: the built-in checklist templates, the escalation chains and the default
 * contact tree (site policy) all use these, so "open contacts at centre-manager" and "call the cs-supervisor" land
 * on a person. The policy's ids won where the two used to differ (`supervisor` → `cs-supervisor`, `it` → `it-ops`,
 * `operations-vp` → `centre-vp`). A site may add roles of its own; those show their id until it labels them.
 */
export const CHECKLIST_ROLES = [
  'agent',
  'shift-lead',
  'cs-supervisor',
  'cs-manager',
  'centre-manager',
  'centre-vp',
  'it-ops',
  'facilities',
  'pr-brand',
  'command-centre',
] as const satisfies readonly RoleId[];
export type ChecklistRole = (typeof CHECKLIST_ROLES)[number];

/** The roles the default escalation chains name that no checklist step owns (DOMAIN §5 "report upward"). */
export const ESCALATION_ROLES = [
  'service-product-manager',
  'tech-lead',
  'tech-owner',
  'product-owner',
  'product-owner-lead',
  'product-ops-manager',
  'senior-product-ops-manager',
  'product-director',
  'service-director',
  'executive-vp',
] as const satisfies readonly RoleId[];

/** Roles the default contact tree holds for completeness (DOMAIN §1 teams), named by no chain or template. */
export const OTHER_ROLES = [
  'content-editor',
  'finance-officer',
  'legal-counsel',
] as const satisfies readonly RoleId[];

export const KNOWN_ROLES = [...CHECKLIST_ROLES, ...ESCALATION_ROLES, ...OTHER_ROLES] as const;
export type KnownRole = (typeof KNOWN_ROLES)[number];

export const ROLE_LABELS: Record<KnownRole, Bilingual> = {
  agent: { zh: '坐席员', en: 'Agent' },
  'shift-lead': { zh: '值班组长', en: 'Shift lead' },
  'cs-supervisor': { zh: '客服主管', en: 'CS supervisor' },
  'cs-manager': { zh: '客服部经理', en: 'Customer-service manager' },
  'centre-manager': { zh: '中心经理', en: 'Centre manager' },
  'centre-vp': { zh: '中心副总/运营副总', en: 'Centre VP (operations)' },
  'it-ops': { zh: '信息部/运维', en: 'IT and operations' },
  facilities: { zh: '行政后勤/维修', en: 'Facilities and maintenance' },
  'pr-brand': { zh: '品牌公关', en: 'Brand and PR' },
  'command-centre': { zh: '应急领导小组', en: 'Emergency command group' },
  'service-product-manager': { zh: '服务部产品经理', en: 'Service product manager' },
  'tech-lead': { zh: '技术领导', en: 'Tech lead' },
  'tech-owner': { zh: '技术责任人', en: 'Tech owner' },
  'product-owner': { zh: '产品负责人', en: 'Product owner' },
  'product-owner-lead': { zh: '产品负责人领导', en: 'Product owner’s lead' },
  'product-ops-manager': { zh: '产品运营经理', en: 'Product-ops manager' },
  'senior-product-ops-manager': { zh: '高级产品运营经理', en: 'Senior product-ops manager' },
  'product-director': { zh: '产品总监', en: 'Product director' },
  'service-director': { zh: '服务部总监', en: 'Service director' },
  'executive-vp': { zh: '常务副总', en: 'Executive VP' },
  'content-editor': { zh: '内容编辑', en: 'Content editor' },
  'finance-officer': { zh: '财务专员', en: 'Finance officer' },
  'legal-counsel': { zh: '法务', en: 'Legal counsel' },
};

export function isKnownRole(role: RoleId): role is KnownRole {
  return (KNOWN_ROLES as readonly string[]).includes(role);
}

/** A role's label, or undefined when a site added a role the app does not know (the UI then shows the id). */
export function roleLabel(role: RoleId): Bilingual | undefined {
  return isKnownRole(role) ? ROLE_LABELS[role] : undefined;
}
