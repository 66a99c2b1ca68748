import type { ChecklistTemplate } from '../schema';

/** People and premises: seed 003 第一/三篇 五(四)、六(五), 第六篇 四 for the hall. */

export const fire: ChecklistTemplate = {
  id: 'fire',
  scenarioId: 'fire',
  version: 1,
  title: { zh: '火灾', en: 'Fire' },
  // 第三篇 prints the alarm number as 110; 第一/五/六篇 and every Chinese fire rule say 119, which we use.
  source: 'seed 003 第一篇 五 1; 第三篇 四 1; 第六篇 四',
  steps: [
    {
      id: 'call-119',
      owner: 'agent',
      dueAfterMinutes: 0,
      text: { zh: '立即拨打119报警。', en: 'Call the fire brigade on 119 now.' },
    },
    {
      id: 'evacuate',
      owner: 'shift-lead',
      text: {
        zh: '组织现场人员撤离;不要因抢救个人财产耽误撤离。',
        en: 'Evacuate everyone; nobody stays behind for belongings.',
      },
    },
    {
      id: 'notify-manager',
      owner: 'shift-lead',
      dueAfterMinutes: 2,
      links: { app: { place: 'contacts', role: 'cs-manager' } },
      text: {
        zh: '发现火情2分钟内通知客服部经理。',
        en: 'Within 2 minutes of discovering the fire, notify the customer-service manager.',
      },
    },
    {
      id: 'fight-or-withdraw',
      owner: 'shift-lead',
      text: {
        zh: '火势初起时用灭火器扑救并切断大厅电源;火势失控立即撤离,尽量关闭门窗。',
        en: 'While the fire is small, use an extinguisher and cut the hall’s power; if it gets out of control, withdraw and close doors and windows behind you.',
      },
    },
    {
      id: 'report-when-safe',
      owner: 'shift-lead',
      links: { app: { place: 'contacts' } },
      text: {
        zh: '到达安全地带后,尽快向上级领导汇报情况。',
        en: 'Once everyone is safe, report to senior management as soon as possible.',
      },
    },
  ],
};

export const theft: ChecklistTemplate = {
  id: 'theft',
  scenarioId: 'theft',
  version: 1,
  title: { zh: '盗窃', en: 'Theft' },
  source: 'seed 003 第三篇 四 2',
  steps: [
    {
      id: 'keep-scene',
      owner: 'shift-lead',
      text: { zh: '保留现场痕迹,不要移动物品。', en: 'Keep the scene as it is; do not move anything.' },
    },
    {
      id: 'notify-supervisor-manager',
      owner: 'shift-lead',
      dueAfterMinutes: 2,
      links: { app: { place: 'contacts', role: 'cs-supervisor' } },
      text: {
        zh: '发现后2分钟内通知主管和经理。',
        en: 'Within 2 minutes of discovery, notify the supervisor and the manager.',
      },
    },
    {
      id: 'decide-police',
      owner: 'cs-manager',
      text: {
        zh: '主管或经理根据现场情况决定是否报警(110)。',
        en: 'The supervisor or manager decides from what they see whether to call the police (110).',
      },
    },
    {
      id: 'continue-service',
      owner: 'shift-lead',
      text: {
        zh: '运行未受影响则继续服务,除非管理人员要求保持现场。',
        en: 'If operations are not affected, service continues unless management asks to keep the scene untouched.',
      },
    },
  ],
};

export const personalAccident: ChecklistTemplate = {
  id: 'personal-accident',
  scenarioId: 'personal-accident',
  version: 1,
  title: { zh: '个人事故/传染性疾病', en: 'Personal accident or contagious illness' },
  source: 'seed 003 第三篇 五',
  steps: [
    {
      id: 'report-and-remove',
      owner: 'shift-lead',
      links: { app: { place: 'contacts', role: 'cs-supervisor' } },
      text: {
        zh: '立即向主管汇报,安排当事员工下线或离开工作现场。',
        en: 'Report to the supervisor at once and take the person off the phones and off the floor.',
      },
    },
    {
      id: 'first-aid',
      owner: 'shift-lead',
      text: {
        zh: '使用中心常备药品、绷带;严重事故立即上报,决定是否送医(120)。',
        en: 'Use the centre’s first-aid kit; report anything serious at once so management can decide on hospital (120).',
      },
    },
    {
      id: 'clean-disinfect',
      owner: 'cs-supervisor',
      links: { app: { place: 'contacts', role: 'facilities' } },
      text: {
        zh: '判断是否需要清理现场并消毒;需要时通知环境公司处理。',
        en: 'Decide whether the area needs cleaning and disinfecting; if so, call the cleaning contractor.',
      },
    },
    {
      id: 'staffing-assessment',
      owner: 'cs-supervisor',
      dueAfterMinutes: 10,
      text: {
        zh: '10分钟内评估缺员对接通率的影响,按话务量调配人员。',
        en: 'Within 10 minutes, assess how the missing staff affect the answer rate and rearrange staffing for the call volume.',
      },
    },
    {
      id: 'notify-centre-manager',
      owner: 'cs-supervisor',
      links: { app: { place: 'contacts', role: 'centre-manager' } },
      text: {
        zh: '涉及2人及以上:通知中心经理。',
        en: 'Two or more people involved: notify the centre manager.',
      },
    },
  ],
};

export const SAFETY_TEMPLATES = [fire, theft, personalAccident];
