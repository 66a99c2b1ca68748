import type { ChecklistTemplate } from '../schema';
import { statusUpdateStep } from './common';

/** Floor equipment and systems: seed 003 第一/三/五篇 一–四、六, with seed 004 for public notice and updates. */

export const seatEquipment: ChecklistTemplate = {
  id: 'seat-equipment',
  scenarioId: 'seat-equipment',
  version: 1,
  title: { zh: '座席设备故障', en: 'Seat equipment failure' },
  source: 'seed 003 第三篇 一',
  steps: [
    {
      id: 'spare-seat',
      owner: 'shift-lead',
      text: {
        zh: '坐席员立即上报;值班组长安排备用座席,继续接听来电。',
        en: 'The agent reports at once; the shift lead moves them to a spare seat so calls keep being answered.',
      },
    },
    {
      id: 'notify-it',
      owner: 'shift-lead',
      links: { app: { place: 'contacts', role: 'it-ops' } },
      text: { zh: '立即通知信息部(运维)处理。', en: 'Tell IT (operations) at once to fix it.' },
    },
    {
      id: 'log-start',
      owner: 'shift-lead',
      text: {
        zh: '在值班日志记录故障开始时间和现象(电脑/话机/耳机/无法登录)。',
        en: 'Log the start time and symptom (PC, phone, headset, cannot log in) in the shift log.',
      },
    },
    {
      id: 'log-recovery',
      owner: 'shift-lead',
      text: {
        zh: '恢复后在值班日志记录恢复时间。',
        en: 'Once fixed, log the recovery time in the shift log.',
      },
    },
  ],
};

export const applicationFailure: ChecklistTemplate = {
  id: 'application-failure',
  scenarioId: 'application-failure',
  version: 1,
  title: { zh: '应用程序/网络/ACD系统故障', en: 'Application, network or ACD failure' },
  source: 'seed 003 第一篇/第三篇 二; seed 004 三(三)2',
  steps: [
    {
      id: 'log-symptom',
      owner: 'agent',
      text: {
        zh: '立即告知值班组长,并在员工日志简单记录发生时间和现象。',
        en: 'Tell the shift lead at once and note the time and symptoms in the staff log.',
      },
    },
    {
      id: 'notify-it',
      owner: 'shift-lead',
      links: { app: { place: 'contacts', role: 'it-ops' } },
      text: {
        zh: '立即通知信息部到现场或远程桌面处理。',
        en: 'Call IT at once to fix it on site or by remote desktop.',
      },
    },
    {
      id: 'report-supervisor',
      owner: 'shift-lead',
      dueAfterMinutes: 5,
      links: { app: { place: 'contacts', role: 'cs-supervisor' } },
      text: {
        zh: '5分钟内上报呼叫中心主管,并安排好现场秩序。',
        en: 'Within 5 minutes, report to the call-centre supervisor and keep order on the floor.',
      },
    },
    {
      id: 'open-call-sheet',
      owner: 'agent',
      links: { app: { place: 'calls' }, scripts: ['callback-promise'] },
      text: {
        zh: '启用手工记录表,详细记录每通来电;需在恢复后联系的,记下客户联系方式。',
        en: 'Start the manual call sheet and record every call in detail; take contact details from anyone who needs a callback after recovery.',
      },
    },
    {
      id: 'answer-from-documents',
      owner: 'agent',
      links: { scripts: ['outage-unified', 'empathy'] },
      text: {
        zh: '修复期间依据文件资料尽量解答咨询;未经许可不得擅自退出系统。',
        en: 'While it is being fixed, answer from the reference documents as far as possible; nobody logs out without permission.',
      },
    },
    {
      id: 'notify-operations-vp',
      owner: 'it-ops',
      showAfterMinutes: 10,
      showCondition: 'not-recovered',
      dueAfterMinutes: 10,
      links: { app: { place: 'contacts', role: 'centre-manager' } },
      text: {
        zh: '10分钟内未能恢复:立即通知运营副总/中心经理。',
        en: 'Not recovered within 10 minutes: notify the operations VP / centre manager now.',
      },
    },
    {
      id: 'public-notice',
      owner: 'pr-brand',
      dueAfterMinutes: 30,
      links: { scripts: ['outage-other-channel'] },
      text: {
        zh: '影响客户的故障:30分钟内通过官网/APP/短信发布公告(原因、预计恢复时间、临时办理方式)。',
        en: 'If customers are affected: within 30 minutes publish a notice on the website, app and SMS (cause, expected recovery, how to get help meanwhile).',
      },
    },
    {
      id: 'staffing',
      owner: 'cs-manager',
      text: {
        zh: '按呼入量异常增长预案调配人员。',
        en: 'Adjust staffing according to the call-surge plan.',
      },
    },
    {
      id: 'consider-vendor',
      owner: 'cs-supervisor',
      showAfterMinutes: 60,
      showCondition: 'not-recovered',
      dueAfterMinutes: 60,
      text: {
        zh: '60分钟内仍未解决:主管领导考虑采取其他措施(如联系系统供应商)。',
        en: 'Still not solved after 60 minutes: management considers further action, such as escalating to the system vendor.',
      },
    },
    statusUpdateStep('shift-lead'),
    {
      id: 'announce-recovery',
      owner: 'shift-lead',
      links: { app: { place: 'contacts' } },
      text: {
        zh: '系统恢复后,电话通知上述各位领导。',
        en: 'Once the system is back, phone everyone notified above to say so.',
      },
    },
    {
      id: 'callbacks',
      owner: 'agent',
      links: { app: { place: 'calls' }, scripts: ['recovery-callback'] },
      text: {
        zh: '系统恢复后,按手工记录表回访并跟踪需要联系的客户。',
        en: 'After recovery, call back and follow up everyone on the call sheet who is owed a callback.',
      },
    },
    {
      id: 'fault-log',
      owner: 'shift-lead',
      text: {
        zh: '在值班日志和系统故障情况处理表上做好事故记录。',
        en: 'Record the incident in the shift log and on the system-fault form.',
      },
    },
  ],
};

export const informationSystemDown: ChecklistTemplate = {
  id: 'information-system-down',
  scenarioId: 'information-system-down',
  version: 1,
  title: { zh: '紧急网络故障和信息系统失灵', en: 'Network emergency and information system down' },
  source: 'seed 003 第三篇 六; 第六篇 二',
  steps: [
    {
      id: 'collect-symptoms',
      owner: 'agent',
      text: {
        zh: '借助客户来电第一时间收集异常情况(如无法连接CRM、外网不通),报给值班组长。',
        en: 'Use incoming calls to gather the symptoms straight away (CRM unreachable, no external network…) and pass them to the shift lead.',
      },
    },
    {
      id: 'notify-it',
      owner: 'shift-lead',
      links: { app: { place: 'contacts', role: 'it-ops' } },
      text: {
        zh: '通知信息部检查处理,了解故障情况和预计恢复时间,并向部门负责人汇报。',
        en: 'Have IT investigate; find out what is wrong and when it should be back, and report to the department head.',
      },
    },
    {
      id: 'open-call-sheet',
      owner: 'agent',
      links: { app: { place: 'calls' } },
      text: {
        zh: '服务器、文件服务器或网络设备失灵时,用手工记录表记录客户信息。',
        en: 'While servers or network equipment are down, record customer details on the manual call sheet.',
      },
    },
    {
      id: 'unified-explanation',
      owner: 'cs-supervisor',
      links: { scripts: ['outage-unified', 'outage-eta'] },
      text: {
        zh: '拟定统一对外解释口径,下发给全体坐席。',
        en: 'Agree one explanation for customers and give it to every agent.',
      },
    },
    {
      id: 'callback-promise',
      owner: 'agent',
      links: { app: { place: 'calls' }, scripts: ['callback-promise', 'empathy'] },
      text: {
        zh: '告知客户恢复时间;不能确定时留下联系电话,恢复后及时通知。',
        en: 'Tell callers when service will be back; if unknown, take a phone number and call them once it is.',
      },
    },
    statusUpdateStep('shift-lead'),
    {
      id: 'callbacks',
      owner: 'agent',
      links: { app: { place: 'calls' }, scripts: ['recovery-callback'] },
      text: {
        zh: '恢复后按手工记录表回访客户,并把记录补录进系统。',
        en: 'After recovery, call back the customers on the call sheet and enter the records into the system.',
      },
    },
    {
      id: 'check-data-loss',
      owner: 'it-ops',
      text: {
        zh: '检查数据是否丢失,必要时用每周备份恢复。',
        en: 'Check for lost data and restore from the weekly backup if needed.',
      },
    },
  ],
};

export const powerCut: ChecklistTemplate = {
  id: 'power-cut',
  scenarioId: 'power-cut',
  version: 1,
  title: { zh: '断电', en: 'Power cut' },
  source: 'seed 003 第一篇/第三篇 三; 断电预案设备申请; 第四篇 四',
  steps: [
    {
      id: 'notify-it-management',
      owner: 'shift-lead',
      links: { app: { place: 'contacts', role: 'it-ops' } },
      text: {
        zh: '立即通知信息部和主管/中心领导,说明断电情况(市电断电还是线路故障)。',
        en: 'Tell IT and the supervisor / centre management at once what has happened (mains failure or a fault in the centre’s wiring).',
      },
    },
    {
      id: 'check-ups',
      owner: 'it-ops',
      links: { app: { place: 'power' } },
      text: {
        zh: '确认UPS已切换到电池供电、发电机已启动。',
        en: 'Confirm the UPS has switched to battery and the generator has started.',
      },
    },
    {
      id: 'shed-load',
      owner: 'shift-lead',
      text: {
        zh: '关闭大厅空调及一切不必要的电器和程序,节约UPS电力。',
        en: 'Switch off the hall air-conditioning and every non-essential device and program to save UPS power.',
      },
    },
    {
      id: 'minimum-seats',
      owner: 'it-ops',
      links: { app: { place: 'power' } },
      text: {
        zh: '保证最低配置在线:内网坐席电脑、外网发短信电脑、前台电脑各一台(UPS约可支撑0.45–2小时)。',
        en: 'Keep the minimum running: one PC for the internal network seat, one for external SMS, one at the front desk (UPS lasts about 0.45–2 h).',
      },
    },
    {
      id: 'line-fault-report',
      owner: 'cs-supervisor',
      links: { app: { place: 'contacts', role: 'cs-manager' } },
      text: {
        zh: '如为呼叫中心线路故障:立即电话上报经理,即刻安排修复。',
        en: 'If the centre’s own wiring is at fault: phone the manager at once and get it repaired immediately.',
      },
    },
    {
      id: 'generator-at-40',
      owner: 'it-ops',
      links: { app: { place: 'power' } },
      text: {
        zh: '电池放电超过40%且市电仍未恢复:启动发电机(油机)供电。',
        en: 'Battery more than 40 % discharged and mains still off: start the generator.',
      },
    },
    {
      id: 'watch-recovery',
      owner: 'it-ops',
      links: { app: { place: 'power' } },
      text: {
        zh: '供电恢复过程中观察系统恢复是否正常;恢复后对电池均充。',
        en: 'While power returns, check that systems come back normally; then give the batteries an equalising charge.',
      },
    },
  ],
};

export const airConditioning: ChecklistTemplate = {
  id: 'air-conditioning',
  scenarioId: 'air-conditioning',
  version: 1,
  title: { zh: '空调故障', en: 'Air-conditioning failure' },
  source: 'seed 003 第一篇 四',
  steps: [
    {
      id: 'notify-supervisor',
      owner: 'shift-lead',
      links: { app: { place: 'contacts', role: 'cs-supervisor' } },
      text: { zh: '值班组长立即通知主管。', en: 'The shift lead tells the supervisor at once.' },
    },
    {
      id: 'call-maintenance',
      owner: 'cs-supervisor',
      links: { app: { place: 'contacts', role: 'facilities' } },
      text: { zh: '主管联系维修人员修复。', en: 'The supervisor calls maintenance to repair it.' },
    },
  ],
};

export const SYSTEMS_TEMPLATES = [
  seatEquipment,
  applicationFailure,
  informationSystemDown,
  powerCut,
  airConditioning,
];
