import type { ScriptSnippet } from './schema';

/**
 * The scripts knowledge base (话术, seed 004 《应急场景知识库》): what an agent says during an emergency.
 * Quoted text stays as the seeds word it; where a seed only describes the behaviour ("decline politely"), the
 * snippet puts that into one sentence. `【…】` marks what the agent fills in.
 */
export const SCRIPT_SNIPPETS: readonly ScriptSnippet[] = [
  {
    id: 'empathy',
    title: { zh: '安抚:共情表达', en: 'Soothing: show empathy' },
    text: {
      zh: '我理解您的心情,遇到这种情况确实会很着急,您的感受我完全能体会。',
      en: 'I understand how you feel — anyone would be worried in this situation, and I completely see why.',
    },
    tags: ['soothing', 'outage', 'complaint'],
    source: 'seed 004 三(三)4',
  },
  {
    id: 'positive-response',
    title: { zh: '安抚:积极回应(不推诿)', en: 'Soothing: respond positively (never deflect)' },
    text: {
      zh: '我会帮您核实情况,我会尽力解决您的问题。(不说“我不知道”“这不是我的责任”)',
      en: 'I will check this for you, and I will do my best to solve your problem. (Never say "I don\'t know" or "that\'s not my job".)',
    },
    tags: ['soothing', 'complaint'],
    source: 'seed 004 三(三)4',
  },
  {
    id: 'outage-unified',
    title: { zh: '故障:统一答复原因', en: 'Outage: the agreed answer on the cause' },
    text: {
      zh: '非常抱歉,系统出现故障,技术人员正在紧急修复。',
      en: 'We are very sorry: the system has a fault and our engineers are working urgently to fix it.',
    },
    tags: ['outage'],
    source: 'seed 004 三(三)2',
  },
  {
    id: 'outage-eta',
    title: { zh: '故障:告知预计恢复时间', en: 'Outage: give the expected recovery time' },
    text: {
      zh: '我们的技术人员正在紧急修复,预计【时间】内恢复,给您带来不便,非常抱歉。',
      en: 'Our engineers are fixing it urgently and expect service back within [time]. We are sorry for the trouble.',
    },
    tags: ['outage', 'soothing'],
    source: 'seed 004 三(三)4',
  },
  {
    id: 'outage-other-channel',
    title: { zh: '故障:引导至其他渠道', en: 'Outage: point to another channel' },
    text: {
      zh: '非常抱歉,系统正在紧急维护,预计【时间】内恢复,您可通过【微信公众号】咨询。',
      en: 'We are very sorry: the system is under emergency maintenance and should be back within [time]. Meanwhile you can reach us through [our WeChat account].',
    },
    tags: ['outage', 'surge'],
    source: 'seed 004 四 知识库更新',
  },
  {
    id: 'callback-promise',
    title: { zh: '故障:留电话承诺回访', en: 'Outage: take a number and promise a callback' },
    text: {
      zh: '非常抱歉,系统暂时无法为您办理。麻烦您留下联系电话,系统恢复后我们会第一时间与您联系。',
      en: 'We are very sorry, we cannot complete this for you right now. Please leave a phone number and we will call you as soon as the system is back.',
    },
    tags: ['outage', 'callback'],
    source: 'seed 003 第六篇 二(三); 第三篇 二 6',
  },
  {
    id: 'recovery-callback',
    title: { zh: '恢复后回访开场', en: 'Callback after recovery: opening' },
    text: {
      zh: '您好,我是【单位】客服,您之前反映的问题,现在系统已经恢复,我来为您继续办理。',
      en: 'Hello, this is [company] customer service. The system is working again, so I am calling to finish what you asked us earlier.',
    },
    tags: ['callback', 'outage'],
    source: 'seed 003 第三篇 二 6',
  },
  {
    id: 'complaint-received',
    title: { zh: '投诉:确认受理', en: 'Complaint: acknowledge receipt' },
    text: {
      zh: '您的投诉已收到,我们将在48小时内给出答复。',
      en: 'We have received your complaint and will give you an answer within 48 hours.',
    },
    tags: ['complaint'],
    source: 'seed 004 三(二)2',
  },
  {
    id: 'follow-up-promise',
    title: { zh: '投诉:承诺跟进时间', en: 'Complaint: promise a follow-up time' },
    text: {
      zh: '我已经记录了您的问题,我们将在24小时内安排工作人员与您联系。',
      en: 'I have recorded your problem, and a member of staff will contact you within 24 hours.',
    },
    tags: ['complaint', 'callback'],
    source: 'seed 004 三(三)3',
  },
  {
    id: 'transfer-to-supervisor',
    title: { zh: '升级:转接主管', en: 'Escalation: transfer to the supervisor' },
    text: {
      zh: '为了更好地解决您的问题,我现在为您转接主管,请您稍候。',
      en: 'So that we can solve this properly, I am transferring you to my supervisor now. Please hold for a moment.',
    },
    tags: ['complaint', 'escalation'],
    source: 'seed 003 第三篇 八 4、十; seed 004 三(三)4',
  },
  {
    id: 'abusive-call',
    title: { zh: '骚扰/不礼貌来电统一话术', en: 'Standard reply to harassing or abusive calls' },
    text: {
      zh: '对不起,请您配合我们的工作,如果没事,请您挂机好吗?',
      en: 'Sorry, please help us keep this line free. If there is nothing we can help you with, would you hang up, please?',
    },
    tags: ['abusive-call'],
    source: 'seed 003 第三篇 九 3',
  },
  {
    id: 'media-decline',
    title: { zh: '媒体:礼貌谢绝采访', en: 'Media: decline politely' },
    text: {
      zh: '您好,未经公司允许,我们不能接受采访,也不便请您进入工作区域,请您谅解。',
      en: "Hello. Without the company's permission we cannot give interviews or let you into the work area. Thank you for understanding.",
    },
    tags: ['media'],
    source: 'seed 003 第三篇 十二 1–2',
  },
  {
    id: 'under-investigation',
    title: { zh: '媒体报道:统一口径', en: 'Media reports: the agreed line' },
    text: {
      zh: '您好,该事件正在调查中,请以公司正式发布的信息为准。',
      en: 'Hello. The matter is under investigation; please rely on the information the company publishes officially.',
    },
    tags: ['media', 'public-crisis'],
    source: 'seed 003 第六篇 十(二)',
  },
];

export function scriptById(
  id: string,
  snippets: readonly ScriptSnippet[] = SCRIPT_SNIPPETS,
): ScriptSnippet | undefined {
  return snippets.find((snippet) => snippet.id === id);
}
