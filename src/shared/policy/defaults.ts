import type { Band, EscalationStep, Person, SitePolicy } from './schema';

/*
 * The built-in policy: DOMAIN.md's defaults (seed 002). Readings of the ambiguous seed table are explained in
 * docs/adr/0002-site-policy-and-grading.md. Built fresh on every call so no caller can mutate a shared default.
 */

const band = (min: number, max: number | null, level: string): Band => ({ min, max, level });

// Minutes. Working hours / off-hours per DOMAIN §5 (一般 working figures read as minutes, see the ADR).
const h = (hours: number) => hours * 60;

const step = (clock: EscalationStep['clock'], ...roles: string[]): EscalationStep[] =>
  roles.map((role) => ({ role, clock }));

const person = (
  id: string,
  team: string,
  role: string,
  en: string,
  zh: string,
  n: number,
  onDuty = true,
): Person => ({
  id,
  name: `Example ${en} 示例${zh}`,
  role,
  // 000 is no Chinese area or mobile prefix: these numbers cannot ring anyone.
  phones: [`+86 000 0000 ${String(n).padStart(4, '0')}`],
  onDuty,
  team,
  example: true,
});

export function defaultPolicy(): SitePolicy {
  return {
    levels: [
      {
        id: 'major',
        label: { zh: '重大', en: 'Major' },
        colour: '#b71c1c',
        ownerRole: 'cs-manager',
        resolutionTargetHours: 2,
      },
      {
        id: 'urgent',
        label: { zh: '紧急', en: 'Urgent' },
        colour: '#e65100',
        ownerRole: 'cs-manager',
        resolutionTargetHours: 4,
      },
      {
        id: 'serious',
        label: { zh: '严重', en: 'Serious' },
        colour: '#f9a825',
        ownerRole: 'cs-supervisor',
        resolutionTargetHours: 8,
      },
      {
        id: 'general',
        label: { zh: '一般', en: 'General' },
        colour: '#1565c0',
        ownerRole: 'shift-lead',
        resolutionTargetHours: null,
      },
    ],

    problemTypes: [
      {
        id: 'account-compromise',
        label: { zh: '串号/盗号/信息泄露', en: 'Account cross-over, theft or data exposure' },
        problemClass: 'security',
        coreOperation: false,
        bands: { ordinary: [band(1, 3, 'urgent'), band(4, null, 'major')], vip: [band(1, null, 'major')] },
      },
      {
        id: 'hacker-attack',
        label: { zh: '黑客攻击导致服务中断', en: 'Hacker attack causing an outage' },
        problemClass: 'security',
        coreOperation: false,
        // Seed: "1–10 紧急, ≥10 重大" share 10; the higher level takes it.
        bands: {
          ordinary: [band(1, 9, 'urgent'), band(10, null, 'major')],
          vip: [band(1, 3, 'urgent'), band(4, null, 'major')],
        },
      },
      {
        id: 'funds-anomaly',
        label: { zh: '购彩异常(涉及用户资金)', en: 'Purchase or ticketing anomaly touching funds' },
        problemClass: 'security',
        coreOperation: true,
        bands: {
          ordinary: [band(1, 3, 'urgent'), band(4, null, 'major')],
          vip: [band(1, 1, 'urgent'), band(2, null, 'major')],
        },
      },
      {
        id: 'login-failure',
        label: { zh: '登录异常', en: 'Login failure' },
        problemClass: 'key',
        coreOperation: true,
        bands: {
          ordinary: [band(5, 10, 'serious'), band(11, null, 'urgent')],
          vip: [band(3, 5, 'serious'), band(6, null, 'urgent')],
        },
      },
      {
        id: 'operation-failure',
        label: { zh: '投注操作异常/活动问题', en: 'Betting or operation failure, campaign problem' },
        problemClass: 'key',
        coreOperation: true,
        bands: {
          ordinary: [band(5, 10, 'general'), band(11, 20, 'serious'), band(21, null, 'urgent')],
          vip: [],
        },
      },
      {
        id: 'payment-anomaly',
        label: { zh: '支付异常', en: 'Payment anomaly (top-up or withdrawal)' },
        problemClass: 'key',
        coreOperation: true,
        bands: {
          ordinary: [
            band(5, 10, 'general'),
            band(11, 20, 'serious'),
            band(21, 50, 'urgent'),
            band(51, null, 'major'),
          ],
          vip: [],
        },
      },
      {
        id: 'site-unreachable',
        label: { zh: '无法打开网站/开派奖延时', en: 'Site unreachable, prize delay, login page issue' },
        problemClass: 'key',
        coreOperation: false,
        bands: {
          ordinary: [band(5, 10, 'general'), band(11, 20, 'serious'), band(21, null, 'urgent')],
          vip: [],
        },
      },
      {
        id: 'other-product',
        label: { zh: '其他产品问题', en: 'Other product problem (software, layout, wording, messages)' },
        problemClass: 'regular',
        coreOperation: false,
        // Seed prints a lone "10" under 一般: exactly 10; 1–9 grade nothing.
        bands: {
          ordinary: [band(10, 10, 'general'), band(11, 20, 'serious'), band(21, null, 'urgent')],
          vip: [band(5, 10, 'serious'), band(11, null, 'urgent')],
        },
      },
    ],

    alerts: {
      windowMinutes: 30,
      thresholds: {
        security: { ordinary: 1, vip: 1 },
        key: { ordinary: 5, vip: 3 },
        regular: { ordinary: 10, vip: 5 },
      },
      coreOperationAffectedRatio: 0.01,
    },

    deadlines: {
      major: {
        working: { notifyOwner: 5, realtimePlan: 20, rootCausePlan: h(1), reportUp: 10 },
        offHours: { notifyOwner: 30, realtimePlan: h(2), rootCausePlan: h(4), reportUp: h(1) },
      },
      urgent: {
        working: { notifyOwner: 10, realtimePlan: 30, rootCausePlan: h(2), reportUp: 15 },
        offHours: { notifyOwner: h(1), realtimePlan: h(3), rootCausePlan: h(6), reportUp: h(2) },
      },
      serious: {
        working: { notifyOwner: 15, realtimePlan: h(1), rootCausePlan: h(3), reportUp: 20 },
        offHours: { notifyOwner: h(2), realtimePlan: h(4), rootCausePlan: h(8), reportUp: h(3) },
      },
      general: {
        working: { notifyOwner: 20, realtimePlan: h(2), rootCausePlan: h(4), reportUp: 30 },
        offHours: { notifyOwner: h(4), realtimePlan: h(6), rootCausePlan: h(12), reportUp: h(5) },
      },
    },

    grading: {
      vipWithoutBandsCountsAsOrdinary: true,
      final: {
        availabilityHours: [
          { above: 2, level: 'major' },
          { above: 1, level: 'urgent' },
          { above: 0.5, level: 'serious' },
        ],
        lossCny: [
          { above: 100_000, level: 'major' },
          { above: 10_000, level: 'urgent' },
          { above: 0, level: 'serious' },
        ],
      },
    },

    calendar: {
      timeZone: 'Asia/Shanghai',
      workingHours: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '18:00' },
      serviceHours: { days: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'], start: '08:00', end: '22:00' },
      holidays: [],
      workdays: [],
    },

    contacts: {
      commandCentre: {
        label: { zh: '应急指挥中心(示例)', en: 'Command centre (example)' },
        phones: ['+86 000 0000 0000'],
      },
      teams: [
        { id: 'cs', label: { zh: '客服', en: 'Customer service' } },
        { id: 'tech-ops', label: { zh: '信息部/运维', en: 'IT and operations' } },
        { id: 'pr-brand', label: { zh: '品牌/公关', en: 'PR and brand' } },
        { id: 'product', label: { zh: '产品/运营', en: 'Product and operations' } },
        { id: 'content', label: { zh: '内容', en: 'Content' } },
        { id: 'finance', label: { zh: '财务', en: 'Finance' } },
        { id: 'legal', label: { zh: '法务', en: 'Legal' } },
        // The seed's escalation reaches executives, who sit in none of the floor teams.
        { id: 'management', label: { zh: '管理层', en: 'Management' } },
        // Checklist steps call maintenance (air conditioning, power) and the emergency command group (seed 003).
        { id: 'facilities', label: { zh: '行政后勤', en: 'Facilities' } },
        { id: 'command', label: { zh: '应急领导小组', en: 'Emergency command group' } },
      ],
      people: [
        person('example-agent', 'cs', 'agent', 'Agent', '坐席员', 20),
        person('example-shift-lead', 'cs', 'shift-lead', 'Shift Lead', '值班长', 1),
        person('example-cs-supervisor', 'cs', 'cs-supervisor', 'CS Supervisor', '客服主管', 2),
        person('example-cs-manager', 'cs', 'cs-manager', 'CS Manager', '客服经理', 3),
        person(
          'example-service-product-manager',
          'cs',
          'service-product-manager',
          'Service Product Manager',
          '服务部产品经理',
          4,
        ),
        person('example-tech-lead', 'tech-ops', 'tech-lead', 'Tech Lead', '技术领导', 5),
        person('example-tech-owner', 'tech-ops', 'tech-owner', 'Tech Owner', '技术责任人', 6),
        person('example-it-ops', 'tech-ops', 'it-ops', 'IT Ops', '运维', 7),
        person('example-pr-brand', 'pr-brand', 'pr-brand', 'PR Officer', '品牌专员', 8),
        person('example-product-owner', 'product', 'product-owner', 'Product Owner', '产品负责人', 9),
        person(
          'example-product-owner-lead',
          'product',
          'product-owner-lead',
          'Product Owner Lead',
          '产品负责人领导',
          10,
        ),
        person(
          'example-product-ops-manager',
          'product',
          'product-ops-manager',
          'Product Ops Manager',
          '产品运营经理',
          11,
        ),
        person(
          'example-senior-product-ops-manager',
          'product',
          'senior-product-ops-manager',
          'Senior Product Ops Manager',
          '高级产品运营经理',
          12,
        ),
        person('example-product-director', 'product', 'product-director', 'Product Director', '产品总监', 13),
        person(
          'example-content-editor',
          'content',
          'content-editor',
          'Content Editor',
          '内容编辑',
          14,
          false,
        ),
        person(
          'example-finance-officer',
          'finance',
          'finance-officer',
          'Finance Officer',
          '财务专员',
          15,
          false,
        ),
        person('example-legal-counsel', 'legal', 'legal-counsel', 'Legal Counsel', '法务', 16, false),
        person(
          'example-service-director',
          'management',
          'service-director',
          'Service Director',
          '服务部总监',
          17,
        ),
        person('example-centre-vp', 'management', 'centre-vp', 'Centre VP', '中心副总', 18),
        person('example-executive-vp', 'management', 'executive-vp', 'Executive VP', '常务副总', 19),
        person('example-centre-manager', 'management', 'centre-manager', 'Centre Manager', '中心经理', 21),
        person('example-facilities', 'facilities', 'facilities', 'Facilities', '后勤维修', 22),
        person('example-command-centre', 'command', 'command-centre', 'Command Group', '应急领导小组', 23),
      ],
    },

    escalation: {
      // Ordered by the working-hours deadline each step serves (DOMAIN §5 "owner notified", "plan owner", "report upward").
      chains: {
        major: [
          ...step('notifyOwner', 'cs-manager'),
          ...step(
            'reportUp',
            'executive-vp',
            'service-director',
            'tech-lead',
            'product-owner',
            'product-owner-lead',
          ),
          ...step('realtimePlan', 'centre-vp', 'pr-brand'),
          ...step('rootCausePlan', 'product-owner'),
        ],
        urgent: [
          ...step('notifyOwner', 'cs-manager'),
          ...step('reportUp', 'service-director', 'tech-lead', 'product-owner', 'product-owner-lead'),
          ...step('realtimePlan', 'product-director', 'pr-brand'),
          ...step('rootCausePlan', 'product-owner'),
        ],
        serious: [
          ...step('notifyOwner', 'cs-supervisor'),
          ...step('reportUp', 'service-product-manager', 'tech-lead', 'product-owner', 'product-owner-lead'),
          ...step('realtimePlan', 'senior-product-ops-manager', 'pr-brand'),
          ...step('rootCausePlan', 'product-owner'),
        ],
        general: [
          ...step('notifyOwner', 'cs-supervisor'),
          ...step('reportUp', 'product-owner', 'product-owner-lead', 'tech-owner'),
          ...step('realtimePlan', 'product-ops-manager'),
          ...step('rootCausePlan', 'product-owner'),
        ],
      },
      stepWaitMinutes: 5,
      retriesPerPerson: 1,
      chainCycles: 2,
      remindAcknowledgedEveryMinutes: 30,
      statusUpdateMinutes: { major: 15, urgent: 30, serious: 30, general: 60 },
      // 重大/紧急 off-hours rules expect the owner on site at once (seed 002 §4), so only the lower levels may wait.
      deferToOpeningHours: ['serious', 'general'],
    },

    ups: [],
    lines: [],
    central: {},
    crmDownAlertMinutes: 2,
    retention: { purgeSyncedAfterDays: null },
    updates: { enabled: false },
    allowContactEdits: false,
    checklists: { templates: [], scripts: [] },
    autoStartAtLogin: false,
    newCallShortcut: 'CommandOrControl+Alt+N',
  };
}
