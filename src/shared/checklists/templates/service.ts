import type { ChecklistTemplate } from '../schema';
import { statusUpdateStep } from './common';

/** Calls and customers: seed 003 第三篇 七–十二, seed 004 for the standby pool, follow-up times and scripts. */

export const callSurge: ChecklistTemplate = {
  id: 'call-surge',
  scenarioId: 'call-surge',
  version: 1,
  title: { zh: '呼入量异常增长', en: 'Call-volume surge' },
  source: 'seed 003 第三篇 七; seed 004 三(三)1、三(三)3',
  steps: [
    {
      id: 'tier-1-all-agents',
      owner: 'shift-lead',
      dueAfterMinutes: 0,
      text: {
        zh: '一级支持:所有坐席在统一指挥下投入接听。',
        en: 'Tier 1: every agent answers calls under one command.',
      },
    },
    {
      id: 'find-cause',
      owner: 'cs-supervisor',
      text: { zh: '查明话务激增原因。', en: 'Find out why the volume has jumped.' },
    },
    {
      id: 'other-channels',
      owner: 'cs-supervisor',
      links: { scripts: ['outage-other-channel', 'empathy'] },
      text: {
        zh: '引导客户使用线上渠道(如微信公众号),缓解热线压力。',
        en: 'Point callers to online channels (such as the WeChat account) to take pressure off the line.',
      },
    },
    {
      id: 'tier-2-call-in',
      owner: 'cs-supervisor',
      showAfterMinutes: 30,
      showCondition: 'not-recovered',
      dueAfterMinutes: 30,
      callIn: { poolPercentOfAgents: 10 },
      links: { app: { place: 'contacts' } },
      text: {
        zh: '二级支持:持续30分钟仍未控制,联络候补人员(如休假员工)迅速到位。',
        en: 'Tier 2: still not under control after 30 minutes — call in the standby staff (e.g. people on leave) to come in now.',
      },
    },
    {
      id: 'tier-3-functional-staff',
      owner: 'cs-manager',
      showAfterMinutes: 60,
      showCondition: 'not-recovered',
      dueAfterMinutes: 60,
      links: { app: { place: 'contacts' } },
      text: {
        zh: '三级支持:再持续30分钟仍未控制,联络职能人员(如客服助理),视事态启动应急方案。',
        en: 'Tier 3: still not under control after another 30 minutes — bring in functional staff (e.g. service assistants) and start the full emergency plan.',
      },
    },
    statusUpdateStep('shift-lead'),
  ],
};

export const complaintEscalation: ChecklistTemplate = {
  id: 'complaint-escalation',
  scenarioId: 'complaint-escalation',
  version: 1,
  title: { zh: '投诉及投诉升级', en: 'Complaint and escalation' },
  source: 'seed 003 第三篇 八、十; seed 004 三(二)2',
  steps: [
    {
      id: 'record-and-number',
      owner: 'agent',
      links: { app: { place: 'calls' }, scripts: ['empathy', 'positive-response', 'complaint-received'] },
      text: {
        zh: '记录投诉并编号,尽可能自行处理直至结束。',
        en: 'Record the complaint and give it a number; handle it yourself to the end if you can.',
      },
    },
    {
      id: 'escalate-to-supervisor',
      owner: 'agent',
      links: { scripts: ['transfer-to-supervisor'] },
      text: {
        zh: '无法解决、客户要求更高级别人员、情绪激动或涉及员工态度/服务质量:尽快转给主管。',
        en: 'If you cannot solve it, the caller asks for someone senior, is very upset, or complains about staff or service quality: hand over to the supervisor quickly.',
      },
    },
    {
      id: 'follow-through',
      owner: 'cs-supervisor',
      links: { scripts: ['follow-up-promise'] },
      text: {
        zh: '主管会同有关各方跟进,随时把进度告知客户。',
        en: 'The supervisor follows up with everyone involved and keeps the customer informed of progress.',
      },
    },
    {
      id: 'keep-promise',
      owner: 'cs-supervisor',
      dueAfterMinutes: 24 * 60,
      text: {
        zh: '在向客户承诺的时间内完成处理(投诉24小时内答复)。',
        en: 'Finish within the time promised to the customer (reply to complaints within 24 hours).',
      },
    },
    {
      id: 'written-complaint',
      owner: 'cs-supervisor',
      text: {
        zh: '书面投诉:在承诺工作日内口头确认;处理后书面告知调查结果和补救方法。',
        en: 'Written complaints: confirm by phone within the promised working days; afterwards, reply in writing with the findings and the remedy.',
      },
    },
    {
      id: 'close-complaint',
      owner: 'cs-supervisor',
      text: { zh: '处理完成后关闭投诉。', en: 'Close the complaint once it is resolved.' },
    },
  ],
};

export const abusiveCall: ChecklistTemplate = {
  id: 'abusive-call',
  scenarioId: 'abusive-call',
  version: 1,
  title: { zh: '非正常来电', en: 'Abnormal or abusive call' },
  source: 'seed 003 第三篇 九',
  steps: [
    {
      id: 'standard-script',
      owner: 'agent',
      links: { scripts: ['abusive-call'] },
      text: {
        zh: '全程文明用语;遇骚扰或不礼貌来电,使用统一话术。',
        en: 'Stay polite throughout; for harassing or rude calls, use the standard script.',
      },
    },
    {
      id: 'record-number',
      owner: 'agent',
      links: { app: { place: 'calls' } },
      text: {
        zh: '记录来电号码,交由主管处理。',
        en: 'Record the caller’s number and hand it to the supervisor.',
      },
    },
    {
      id: 'call-back',
      owner: 'agent',
      text: { zh: '需要时及时回拨。', en: 'Call back promptly where needed.' },
    },
    {
      id: 'supervisor-handles',
      owner: 'cs-supervisor',
      text: { zh: '主管跟进处理该号码。', en: 'The supervisor follows up on the number.' },
    },
  ],
};

export const urgentTicket: ChecklistTemplate = {
  id: 'urgent-ticket',
  scenarioId: 'urgent-ticket',
  version: 1,
  title: { zh: '紧急工单', en: 'Urgent ticket' },
  source: 'seed 003 第三篇 十一',
  steps: [
    {
      id: 'track',
      owner: 'agent',
      text: { zh: '跟踪处理过程。', en: 'Track the ticket while it is worked on.' },
    },
    {
      id: 'escalate',
      owner: 'agent',
      links: { app: { place: 'contacts', role: 'cs-supervisor' } },
      text: {
        zh: '无法处理的紧急工单告知主管或经理处理。',
        en: 'Pass anything you cannot handle to the supervisor or manager.',
      },
    },
    {
      id: 'reply-customer',
      owner: 'agent',
      text: { zh: '处理完成后立即回复客户。', en: 'Reply to the customer as soon as it is done.' },
    },
    {
      id: 'record',
      owner: 'agent',
      text: { zh: '结束后做好记录。', en: 'Record the outcome when finished.' },
    },
  ],
};

export const mediaEnquiry: ChecklistTemplate = {
  id: 'media-enquiry',
  scenarioId: 'media-enquiry',
  version: 1,
  title: { zh: '媒体采访/公共危机', en: 'Media enquiry or public crisis' },
  source: 'seed 003 第三篇 十二; 第六篇 十; seed 002 §4 统一口径',
  steps: [
    {
      id: 'tell-manager',
      owner: 'shift-lead',
      dueAfterMinutes: 0,
      links: { app: { place: 'contacts', role: 'cs-manager' } },
      text: {
        zh: '第一时间告知客服部经理;未经许可禁止接受采访。',
        en: 'Tell the customer-service manager at once; no interviews without permission.',
      },
    },
    {
      id: 'decline-entry',
      owner: 'agent',
      links: { scripts: ['media-decline'] },
      text: {
        zh: '记者欲进入拍摄:礼貌、委婉地谢绝入内,避免言语或肢体冲突。',
        en: 'If reporters want to come in and film: decline politely and tactfully; avoid any argument or physical contact.',
      },
    },
    {
      id: 'unified-statement',
      owner: 'pr-brand',
      links: { app: { place: 'contacts', role: 'pr-brand' } },
      text: {
        zh: '品牌公关给出统一口径,同时下发到所有渠道。',
        en: 'Brand/PR issues one agreed statement to every channel at the same time.',
      },
    },
    {
      id: 'single-spokesperson',
      owner: 'cs-manager',
      text: {
        zh: '公司同意接受采访时,指定唯一发言人统一回答;其他人不得接受采访或对外传播信息。',
        en: 'If the company agrees to an interview, name one spokesperson; nobody else talks to the press or passes information on.',
      },
    },
    {
      id: 'callers-asking',
      owner: 'agent',
      links: { scripts: ['under-investigation'] },
      text: {
        zh: '客户问及此事,按统一口径答复。',
        en: 'When callers ask about it, answer with the agreed statement only.',
      },
    },
    statusUpdateStep('cs-manager'),
  ],
};

export const SERVICE_TEMPLATES = [callSurge, complaintEscalation, abusiveCall, urgentTicket, mediaEnquiry];
