import type { ChecklistStep, ChecklistTemplate } from '../schema';
import { writtenReportStep } from './common';

/**
 * Machine-room plans: seed 003 第四篇 3.1–3.10 and 四. The duty engineer (值班人员) is `it`; the emergency
 * command group (相关领导小组) is `command-centre`. Seeds 3.1, 3.3 and 3.8 do not repeat the three-day report,
 * but 1.1 八 (结果上报) asks for one after every plan, so every template ends with it.
 */

/** "事态或后果严重的,应向总公司相关领导汇报" — the same escalation closes most of the plans. */
const escalateIfSerious: ChecklistStep = {
  id: 'escalate-if-serious',
  owner: 'it-ops',
  links: { app: { place: 'contacts', role: 'command-centre' } },
  text: {
    zh: '事态或后果严重的,向总公司相关领导汇报。',
    en: 'If it is serious, report to the head-office management concerned.',
  },
};

function reportToGroup(zh: string, en: string): ChecklistStep {
  return {
    id: 'report-to-group',
    owner: 'it-ops',
    links: { app: { place: 'contacts', role: 'command-centre' } },
    text: { zh, en },
  };
}

export const dcWaterLeak: ChecklistTemplate = {
  id: 'dc-water-leak',
  scenarioId: 'dc-water-leak',
  version: 1,
  title: { zh: '机房漏水', en: 'Data-centre water leak' },
  source: 'seed 003 第四篇 3.1',
  steps: [
    reportToGroup(
      '第一目击者立即检查漏水影响范围,并报告应急领导小组。',
      'Whoever sees it first checks how far the water has spread and reports to the command group.',
    ),
    {
      id: 'air-conditioner-leak',
      owner: 'it-ops',
      text: {
        zh: '空调渗漏:停用故障空调,清除积水,联系设备供应方,启用备用空调;必要时通风或冰块降温。',
        en: 'Leaking air-conditioner: switch it off, clear the water, call the supplier, start the standby unit; if needed, cool the servers with ventilation or ice.',
      },
    },
    {
      id: 'building-leak',
      owner: 'facilities',
      links: { app: { place: 'contacts', role: 'facilities' } },
      text: {
        zh: '墙体或窗户渗漏:采取措施确保机房安全,通知房屋产权方,清除积水并维修。',
        en: 'Leaking wall or window: make the room safe, tell the building owner, clear the water and get it repaired.',
      },
    },
    writtenReportStep({
      zh: '漏水原因、影响和处置结果。',
      en: 'cause of the leak, impact and what was done.',
    }),
  ],
};

export const dcLongPowerCut: ChecklistTemplate = {
  id: 'dc-long-power-cut',
  scenarioId: 'dc-long-power-cut',
  version: 1,
  title: { zh: '机房长时间停电', en: 'Data-centre long power cut' },
  source: 'seed 003 第四篇 3.3、四',
  steps: [
    {
      id: 'announce',
      owner: 'it-ops',
      text: {
        zh: '接到停电通知后,通过办公系统、电话发布信息并部署应对措施。',
        en: 'On notice of the power cut, announce it through the office system and by phone and set out what everyone does.',
      },
    },
    {
      id: 'staff-in-place',
      owner: 'it-ops',
      text: {
        zh: '保障人员在停电前就位,检查业务系统、保存数据。',
        en: 'Support staff are in place before the cut; check the business systems and save data.',
      },
    },
    {
      id: 'fuel-generator',
      owner: 'facilities',
      text: {
        zh: '准备充足燃油;停电时间过长时租用电力公司发电车。',
        en: 'Have enough fuel ready; for a very long cut, hire a generator truck from the power company.',
      },
    },
    {
      id: 'generator-at-40',
      owner: 'it-ops',
      links: { app: { place: 'power' } },
      text: {
        zh: '现场实时记录电池放电情况;放电超过40%且仍未恢复供电,立即启动油机发电。',
        en: 'Log battery discharge on site as it happens; past 40 % discharged with mains still off, start the generator at once.',
      },
    },
    {
      id: 'after-recovery',
      owner: 'it-ops',
      links: { app: { place: 'power' } },
      text: {
        zh: '供电恢复后关闭并撤除油机,对电池均充(浮充不少于24–48小时)。',
        en: 'Once mains is back, shut down and remove the generator and give the batteries an equalising charge (float charge at least 24–48 h).',
      },
    },
    writtenReportStep({
      zh: '停电经过、电池与油机运行情况。',
      en: 'timeline of the cut and how the batteries and generator performed.',
    }),
  ],
};

export const dcNetwork: ChecklistTemplate = {
  id: 'dc-network',
  scenarioId: 'dc-network',
  version: 1,
  title: { zh: '通信网络故障', en: 'Communication network failure' },
  source: 'seed 003 第四篇 3.4',
  steps: [
    reportToGroup(
      '通知系统管理员,初步判断后上报值班人员和应急领导小组。',
      'Tell the system administrator; after a first diagnosis, report to the duty engineer and the command group.',
    ),
    {
      id: 'isolate',
      owner: 'it-ops',
      text: {
        zh: '查清故障位置,隔离故障区域,通知通信运营商查明原因。',
        en: 'Locate the fault, isolate the affected segment and have the carrier find the cause.',
      },
    },
    {
      id: 'restore',
      owner: 'it-ops',
      text: {
        zh: '检测故障区域,逐步恢复与服务器的网络连接。',
        en: 'Test the affected segment and reconnect it to the servers step by step.',
      },
    },
    escalateIfSerious,
    writtenReportStep({ zh: '故障分析报告。', en: 'fault analysis.' }),
  ],
};

export const dcVirus: ChecklistTemplate = {
  id: 'dc-virus',
  scenarioId: 'dc-virus',
  version: 1,
  title: { zh: '不良信息和网络病毒', en: 'Harmful content or computer virus' },
  source: 'seed 003 第四篇 3.5',
  steps: [
    {
      id: 'disconnect',
      owner: 'it-ops',
      links: { app: { place: 'contacts', role: 'command-centre' } },
      text: {
        zh: '立即断开网线阻止传播,报告系统维护人员和应急领导小组。',
        en: 'Unplug the network cable at once to stop it spreading; report to the maintainers and the command group.',
      },
    },
    {
      id: 'isolate-and-clean',
      owner: 'it-ops',
      text: {
        zh: '按领导小组指令隔离网络、杀毒或清除不良信息,追查来源。',
        en: 'On the command group’s instruction, isolate the network, remove the virus or content, and trace its source.',
      },
    },
    escalateIfSerious,
    writtenReportStep({
      zh: '事发经过、造成影响、处置结果。',
      en: 'what happened, its impact, and the outcome.',
    }),
  ],
};

export const dcServer: ChecklistTemplate = {
  id: 'dc-server',
  scenarioId: 'dc-server',
  version: 1,
  title: { zh: '服务器软件系统故障', en: 'Server software failure' },
  source: 'seed 003 第四篇 3.6',
  steps: [
    {
      id: 'failover',
      owner: 'it-ops',
      links: { app: { place: 'contacts', role: 'command-centre' } },
      text: {
        zh: '立即启动备份服务器接管业务,并报告应急领导小组。',
        en: 'Switch the service to the standby server at once and report to the command group.',
      },
    },
    {
      id: 'preserve-state',
      owner: 'it-ops',
      text: {
        zh: '故障服务器脱离网络,保持系统状态不变,取出镜像备份磁盘,保留原始数据。',
        en: 'Take the failed server off the network, leave its state untouched, remove the image backup disk and keep the original data.',
      },
    },
    {
      id: 'restart-or-support',
      owner: 'it-ops',
      text: {
        zh: '确认安全后重启:成功则检查数据丢失并用备份恢复;失败则联系厂商和上级单位请求技术支援。',
        en: 'Restart once it is safe: if it comes up, check for lost data and restore from backup; if not, call the vendor and head office for support.',
      },
    },
    escalateIfSerious,
    writtenReportStep({ zh: '事发经过、处置结果。', en: 'what happened and the outcome.' }),
  ],
};

export const dcHacker: ChecklistTemplate = {
  id: 'dc-hacker',
  scenarioId: 'dc-hacker',
  version: 1,
  title: { zh: '黑客攻击', en: 'Hacker attack' },
  source: 'seed 003 第四篇 3.7',
  steps: [
    {
      id: 'disconnect',
      owner: 'it-ops',
      links: { app: { place: 'contacts', role: 'command-centre' } },
      text: {
        zh: '发现入侵、篡改或数据被非法拷贝/修改/删除:断开网络,立即报告应急领导小组。',
        en: 'Intrusion, defacement, or data copied, changed or deleted: disconnect from the network and report to the command group at once.',
      },
    },
    {
      id: 'block',
      owner: 'it-ops',
      text: {
        zh: '核实情况,关闭服务器或系统,修改防火墙和路由过滤规则,封锁或删除被攻破的账号。',
        en: 'Confirm the attack, shut down the server or system, tighten firewall and router rules, and lock or delete compromised accounts.',
      },
    },
    {
      id: 'restore',
      owner: 'it-ops',
      text: {
        zh: '清理系统,恢复数据、程序和网络;情况严重的向总公司汇报并请求支援。',
        en: 'Clean the systems and restore data, programs and network; if serious, report to head office and ask for help.',
      },
    },
    writtenReportStep({ zh: '事发经过、处置结果。', en: 'what happened and the outcome.' }),
  ],
};

export const dcHardware: ChecklistTemplate = {
  id: 'dc-hardware',
  scenarioId: 'dc-hardware',
  version: 1,
  title: { zh: '核心设备硬件故障', en: 'Core hardware failure' },
  source: 'seed 003 第四篇 3.8',
  steps: [
    reportToGroup(
      '报告应急领导小组,查找确定故障设备和原因,进行先期处置。',
      'Report to the command group, find the failed device and the cause, and take first measures.',
    ),
    {
      id: 'standby-device',
      owner: 'it-ops',
      text: {
        zh: '短时间无法修复:启用备份设备保持运行,故障设备脱网排障。',
        en: 'If it cannot be fixed quickly: bring in the standby device and troubleshoot the failed one off the network.',
      },
    },
    {
      id: 'swap-back',
      owner: 'it-ops',
      text: {
        zh: '排障后在网络空闲时换回;故障仍在则联系厂商,填写设备故障报告单。',
        en: 'Once fixed, swap it back in a quiet period; if the fault persists, call the vendor and fill in the equipment fault form.',
      },
    },
    escalateIfSerious,
    writtenReportStep({
      zh: '故障设备、原因和处置结果。',
      en: 'the failed device, the cause and the outcome.',
    }),
  ],
};

export const dcDataCorruption: ChecklistTemplate = {
  id: 'dc-data-corruption',
  scenarioId: 'dc-data-corruption',
  version: 1,
  title: { zh: '业务数据损坏', en: 'Business data corruption' },
  source: 'seed 003 第四篇 3.9',
  steps: [
    reportToGroup(
      '报告应急领导小组,检查并备份业务系统当前数据。',
      'Report to the command group; check and back up the current business data.',
    ),
    {
      id: 'restore-from-backup',
      owner: 'it-ops',
      text: {
        zh: '依次调用备份服务器数据、磁带历史备份、异地备份进行恢复。',
        en: 'Restore from the backup server; failing that, from tape history; failing that, from the off-site copy.',
      },
    },
    {
      // The seed leaves the limit as "X 小时": no default is invented; a site sets it by overriding this template.
      id: 'notify-business',
      owner: 'it-ops',
      links: { app: { place: 'contacts' } },
      text: {
        zh: '超过规定时限仍未恢复:报告相关领导,通知业务部门改用其他方式开展业务。',
        en: 'Not restored within the agreed limit: report to management and tell the business teams to work another way.',
      },
    },
    {
      id: 'reconcile',
      owner: 'it-ops',
      text: {
        zh: '恢复后核对历史与当前数据差别,补录数据,重新备份。',
        en: 'After recovery, compare historical and current data, re-enter what is missing, and back up again.',
      },
    },
    writtenReportStep({ zh: '故障分析报告。', en: 'fault analysis.' }),
  ],
};

export const dcLightning: ChecklistTemplate = {
  id: 'dc-lightning',
  scenarioId: 'dc-lightning',
  version: 1,
  title: { zh: '雷击事故', en: 'Lightning strike' },
  source: 'seed 003 第四篇 3.10',
  steps: [
    {
      id: 'shut-down',
      owner: 'it-ops',
      links: { app: { place: 'contacts', role: 'command-centre' } },
      text: {
        zh: '雷暴天气或收到预警:报告领导,经同意后关闭部分服务器、切断电源,暂停部分网络。',
        en: 'Thunderstorm or warning: report to management and, once approved, shut down some servers, cut their power and pause part of the network.',
      },
    },
    {
      id: 'restore',
      owner: 'it-ops',
      text: {
        zh: '雷暴结束后经领导小组同意,开通服务器、恢复网络,检查设备和数据。',
        en: 'After the storm, with the command group’s approval, bring servers and network back and check equipment and data.',
      },
    },
    {
      id: 'assess-loss',
      owner: 'it-ops',
      text: {
        zh: '造成损失的,会同相关部门核实、报损。',
        en: 'If there is damage, confirm and report the loss together with the departments concerned.',
      },
    },
    writtenReportStep({ zh: '雷击损失和处置结果。', en: 'damage from the strike and the outcome.' }),
  ],
};

export const DATA_CENTRE_TEMPLATES = [
  dcWaterLeak,
  dcLongPowerCut,
  dcNetwork,
  dcVirus,
  dcServer,
  dcHacker,
  dcHardware,
  dcDataCorruption,
  dcLightning,
];
