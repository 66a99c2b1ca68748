import { z } from 'zod';
import type { Bilingual } from './schema';

/**
 * The built-in emergency scenarios (DOMAIN.md §7, seed 003), in the order the declaration screen lists them.
 * Ids are stable: incidents, events and site policies store them. A site may add scenarios of its own through
 * template overrides; those carry their label in the template title.
 */
export const SCENARIO_IDS = [
  'seat-equipment',
  'application-failure',
  'information-system-down',
  'power-cut',
  'air-conditioning',
  'fire',
  'theft',
  'personal-accident',
  'call-surge',
  'complaint-escalation',
  'abusive-call',
  'urgent-ticket',
  'media-enquiry',
  'dc-water-leak',
  'dc-long-power-cut',
  'dc-network',
  'dc-virus',
  'dc-server',
  'dc-hacker',
  'dc-hardware',
  'dc-data-corruption',
  'dc-lightning',
] as const;
export const ScenarioId = z.enum(SCENARIO_IDS);
export type ScenarioId = z.infer<typeof ScenarioId>;

/** Groups for the declaration screen: what breaks on the floor, who is in danger, what the callers do, the machine room. */
export const SCENARIO_GROUPS = ['systems', 'safety', 'service', 'data-centre'] as const;
export type ScenarioGroup = (typeof SCENARIO_GROUPS)[number];

export const SCENARIO_GROUP_LABELS: Record<ScenarioGroup, Bilingual> = {
  systems: { zh: '设备与系统', en: 'Equipment and systems' },
  safety: { zh: '安全与人员', en: 'Safety and people' },
  service: { zh: '话务与客户', en: 'Calls and customers' },
  'data-centre': { zh: '中心机房', en: 'Data centre' },
};

export interface ScenarioInfo {
  group: ScenarioGroup;
  label: Bilingual;
}

export const SCENARIOS: Record<ScenarioId, ScenarioInfo> = {
  'seat-equipment': { group: 'systems', label: { zh: '座席设备故障', en: 'Seat equipment failure' } },
  'application-failure': {
    group: 'systems',
    label: { zh: '应用程序/网络/ACD系统故障', en: 'Application, network or ACD failure' },
  },
  'information-system-down': {
    group: 'systems',
    label: { zh: '信息系统失灵(CRM/外网不通)', en: 'Information system down (CRM, external network)' },
  },
  'power-cut': { group: 'systems', label: { zh: '断电', en: 'Power cut' } },
  'air-conditioning': { group: 'systems', label: { zh: '空调故障', en: 'Air-conditioning failure' } },
  fire: { group: 'safety', label: { zh: '火灾', en: 'Fire' } },
  theft: { group: 'safety', label: { zh: '盗窃', en: 'Theft' } },
  'personal-accident': {
    group: 'safety',
    label: { zh: '个人事故/传染性疾病', en: 'Personal accident or contagious illness' },
  },
  'call-surge': { group: 'service', label: { zh: '呼入量异常增长', en: 'Call-volume surge' } },
  'complaint-escalation': {
    group: 'service',
    label: { zh: '投诉及投诉升级', en: 'Complaint and escalation' },
  },
  'abusive-call': { group: 'service', label: { zh: '非正常来电', en: 'Abnormal or abusive call' } },
  'urgent-ticket': { group: 'service', label: { zh: '紧急工单', en: 'Urgent ticket' } },
  'media-enquiry': {
    group: 'service',
    label: { zh: '媒体采访/公共危机', en: 'Media enquiry or public crisis' },
  },
  'dc-water-leak': { group: 'data-centre', label: { zh: '机房漏水', en: 'Data-centre water leak' } },
  'dc-long-power-cut': {
    group: 'data-centre',
    label: { zh: '机房长时间停电', en: 'Data-centre long power cut' },
  },
  'dc-network': { group: 'data-centre', label: { zh: '通信网络故障', en: 'Communication network failure' } },
  'dc-virus': {
    group: 'data-centre',
    label: { zh: '不良信息和网络病毒', en: 'Harmful content or computer virus' },
  },
  'dc-server': { group: 'data-centre', label: { zh: '服务器软件系统故障', en: 'Server software failure' } },
  'dc-hacker': { group: 'data-centre', label: { zh: '黑客攻击', en: 'Hacker attack' } },
  'dc-hardware': { group: 'data-centre', label: { zh: '核心设备硬件故障', en: 'Core hardware failure' } },
  'dc-data-corruption': {
    group: 'data-centre',
    label: { zh: '业务数据损坏', en: 'Business data corruption' },
  },
  'dc-lightning': { group: 'data-centre', label: { zh: '雷击事故', en: 'Lightning strike' } },
};
