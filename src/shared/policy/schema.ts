import { z } from 'zod';
import { ProblemClass } from '../domain/problem-class';
import { ChecklistTemplate, ScriptSnippet } from '../checklists/schema';
import { SCRIPT_SNIPPETS } from '../checklists/scripts';
import { LineConfig, UpsConfig } from '../monitors/config';

/*
 * The site policy: every number of DOMAIN.md that a site may change. Two schemas describe it:
 * `SitePolicy` is the complete, checked policy the app runs on; `SitePolicyFile` is what IT writes, where every key is
 * optional and overrides the defaults (objects merged, arrays replaced — see merge.ts).
 * Cross-field rules (unknown level ids, overlapping bands, …) live in one `checkPolicy` pass at the end, because zod
 * refuses `.partial()` on objects that carry refinements and the file schema is built from the same pieces.
 */

const Slug = z
  .string()
  .max(64)
  .regex(/^[a-z][a-z0-9-]*$/, 'Use lower-case letters, digits and "-", starting with a letter');

/** A severity level id. The default scale is major > urgent > serious > general; a site may define its own. */
export const LevelId = Slug.meta({ description: 'A severity level id from `levels`' });
export type LevelId = z.infer<typeof LevelId>;

/** A role in the contact tree (`cs-manager`, `shift-lead`, …); escalation steps name roles, not people. */
export const RoleId = Slug;
export type RoleId = z.infer<typeof RoleId>;

export const Labels = z.strictObject({ zh: z.string().trim().min(1), en: z.string().trim().min(1) });
export type Labels = z.infer<typeof Labels>;

export const SeverityLevel = z.strictObject({
  id: LevelId,
  label: Labels,
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a #rrggbb colour'),
  /** Who follows the problem end to end (DOMAIN §2). */
  ownerRole: RoleId,
  /** DOMAIN §6 resolution target; null where the seed gives no bound (一般: "> 8 h"). */
  resolutionTargetHours: z.number().positive().nullable(),
});
export type SeverityLevel = z.infer<typeof SeverityLevel>;

/** Complaints per hour from `min` to `max` inclusive (`max: null` = no upper bound) grade as `level`. */
export const Band = z.strictObject({
  min: z.number().int().min(1),
  max: z.number().int().min(1).nullable(),
  level: LevelId,
});
export type Band = z.infer<typeof Band>;

export const ProblemType = z.strictObject({
  id: Slug,
  label: Labels,
  problemClass: ProblemClass,
  /** Login, betting/operation, payment and funds: an affected ratio ≥ the threshold must be reported (DOMAIN §3). */
  coreOperation: z.boolean().default(false),
  bands: z.strictObject({
    ordinary: z.array(Band),
    /** Empty where the seed has no VIP column ("—"). */
    vip: z.array(Band).default([]),
  }),
});
export type ProblemType = z.infer<typeof ProblemType>;

const Count = z.number().int().min(1);
export const AlertThreshold = z.strictObject({ ordinary: Count, vip: Count });
export type AlertThreshold = z.infer<typeof AlertThreshold>;

const AlertThresholds = z.strictObject({
  security: AlertThreshold,
  key: AlertThreshold,
  regular: AlertThreshold,
} satisfies Record<ProblemClass, typeof AlertThreshold>);

export const AlertPolicy = z.strictObject({
  /** Same-type complaints are counted over this window (DOMAIN §3: 30 minutes). */
  windowMinutes: z.number().int().positive(),
  thresholds: AlertThresholds,
  /** A core-operation fault with a known affected ratio at or above this must be reported (0.01 = 1 %). */
  coreOperationAffectedRatio: z.number().positive().max(1),
});

export const CLOCK_IDS = ['notifyOwner', 'realtimePlan', 'rootCausePlan', 'reportUp'] as const;
export const ClockId = z.enum(CLOCK_IDS);
export type ClockId = z.infer<typeof ClockId>;

const Minutes = z.number().positive();
/** Minutes from the clock start to each deadline (DOMAIN §5). */
export const Clocks = z.strictObject({
  notifyOwner: Minutes,
  realtimePlan: Minutes,
  rootCausePlan: Minutes,
  reportUp: Minutes,
} satisfies Record<ClockId, typeof Minutes>);
export type Clocks = z.infer<typeof Clocks>;

export const DeadlineRow = z.strictObject({ working: Clocks, offHours: Clocks });
export type DeadlineRow = z.infer<typeof DeadlineRow>;

const Above = z.strictObject({ above: z.number().min(0), level: LevelId });
export const FinalGrading = z.strictObject({
  /** Availability impact strictly above `above` hours grades as `level`; below every entry → the lowest level. */
  availabilityHours: z.array(Above),
  /** Loss strictly above `above` CNY grades as `level`. */
  lossCny: z.array(Above),
});

export const GradingPolicy = z.strictObject({
  /**
   * Where a problem type has no VIP bands (the seed's "—"), VIP complaints still count — as ordinary ones.
   * Off means VIP complaints for such types grade nothing.
   */
  vipWithoutBandsCountsAsOrdinary: z.boolean(),
  final: FinalGrading,
});

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export const Weekday = z.enum(WEEKDAYS);
export type Weekday = z.infer<typeof Weekday>;

const TimeOfDay = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'Use HH:MM between 00:00 and 24:00');
export const Hours = z.strictObject({
  days: z.array(Weekday),
  start: TimeOfDay,
  end: TimeOfDay,
});
export type Hours = z.infer<typeof Hours>;

export function isValidTimeZone(zone: string): boolean {
  if (zone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const TimeZone = z.string().superRefine((zone, ctx) => {
  if (!isValidTimeZone(zone)) ctx.addIssue({ code: 'custom', message: `Invalid time zone "${zone}"` });
});

const IsoDate = z.iso.date();

export const Calendar = z.strictObject({
  timeZone: TimeZone,
  /** Working hours 工作日 on working days; everything else inside service hours is off-hours 非工作时段. */
  workingHours: Hours,
  /** Staffed hours; outside them (and outside working hours) is no-service time 非人工服务时段. */
  serviceHours: Hours,
  /** Dates (YYYY-MM-DD, in the site's zone) that are not working days even on a working weekday. */
  holidays: z.array(IsoDate),
  /** Make-up working days 调休: dates that are working days even on a weekend. */
  workdays: z.array(IsoDate),
});
export type Calendar = z.infer<typeof Calendar>;

const Phone = z.string().trim().min(3).max(32);
export const Team = z.strictObject({ id: Slug, label: Labels });
export type Team = z.infer<typeof Team>;

export const Person = z.strictObject({
  id: Slug,
  name: z.string().trim().min(1).max(128),
  role: RoleId,
  phones: z.array(Phone),
  onDuty: z.boolean(),
  team: Slug,
  /** Placeholder shipped with the default tree; a site replaces these. */
  example: z.boolean().optional(),
});
export type Person = z.infer<typeof Person>;

export const CommandCentre = z.strictObject({ label: Labels, phones: z.array(Phone) });

/** Command centre → teams → people. People name their team and their role. */
export const ContactTree = z.strictObject({
  commandCentre: CommandCentre,
  teams: z.array(Team),
  people: z.array(Person),
});
export type ContactTree = z.infer<typeof ContactTree>;

export const EscalationStep = z.strictObject({ role: RoleId, clock: ClockId });
export type EscalationStep = z.infer<typeof EscalationStep>;

export const EscalationPolicy = z.strictObject({
  /** Per level, who is called in order and which deadline each call serves. */
  chains: z.record(LevelId, z.array(EscalationStep)),
  /** How long to wait for an acknowledgement before the next person or step. */
  stepWaitMinutes: z.number().positive(),
  /** How many times each person is retried before moving on. */
  retriesPerPerson: z.number().int().min(0),
  /** How many times the whole chain is run before giving up and alarming the floor. */
  chainCycles: z.number().int().min(1),
  /** Acknowledged but unresolved: remind the owner this often. */
  remindAcknowledgedEveryMinutes: z.number().positive(),
  /** How often the owner posts a status update, per level. */
  statusUpdateMinutes: z.record(LevelId, z.number().positive()),
  /** Levels whose calls may wait for the next service start instead of waking people in no-service time. */
  deferToOpeningHours: z.array(LevelId),
});
export type EscalationPolicy = z.infer<typeof EscalationPolicy>;

const HttpUrl = z.url({ protocol: /^https?$/ });

export const Central = z.strictObject({
  url: HttpUrl.optional(),
  siteCode: z.string().trim().min(1).max(64).optional(),
});
export const Retention = z.strictObject({
  /** Delete records the centre has acknowledged after this many days; null keeps them. */
  purgeSyncedAfterDays: z.number().int().positive().nullable(),
});
const ACCELERATOR_MODIFIERS = [
  'CommandOrControl',
  'CmdOrCtrl',
  'Command',
  'Cmd',
  'Control',
  'Ctrl',
  'Alt',
  'Option',
  'AltGr',
  'Shift',
  'Super',
  'Meta',
];
/**
 * An Electron accelerator with at least one modifier (a bare key would be taken from every other application):
 * `Modifier+…+Key`, the key a letter, a digit or F1–F24.
 */
export const Accelerator = z
  .string()
  .regex(
    new RegExp(`^((${ACCELERATOR_MODIFIERS.join('|')})\\+)+([A-Z0-9]|F([1-9]|1[0-9]|2[0-4]))$`),
    'must be modifiers and a key, e.g. "CommandOrControl+Alt+N"',
  );

export const Updates = z.strictObject({ url: HttpUrl.optional(), enabled: z.boolean() });

/**
 * The site's own checklists and scripts (话术): a template with a built-in's id and a higher version replaces it, a new
 * id adds a scenario's checklist; a script with a built-in's id replaces its text. The centre can publish more.
 */
export const SiteChecklists = z.strictObject({
  templates: z.array(ChecklistTemplate),
  scripts: z.array(ScriptSnippet),
});
export type SiteChecklists = z.infer<typeof SiteChecklists>;

const policyShape = {
  /** Highest first. */
  levels: z.array(SeverityLevel).min(1),
  problemTypes: z.array(ProblemType),
  alerts: AlertPolicy,
  deadlines: z.record(LevelId, DeadlineRow),
  grading: GradingPolicy,
  calendar: Calendar,
  contacts: ContactTree,
  escalation: EscalationPolicy,
  ups: z.array(UpsConfig),
  lines: z.array(LineConfig),
  central: Central,
  /** Minutes the CRM may be unreachable before the floor is told to switch to the manual call sheet. */
  crmDownAlertMinutes: z.number().positive(),
  retention: Retention,
  updates: Updates,
  /** Whether leads may edit the contact tree from the console (otherwise only the policy file changes it). */
  allowContactEdits: z.boolean(),
  checklists: SiteChecklists,
  /** Start Floorguard when the seat's user logs in (to the tray), so the console is there before an emergency. */
  autoStartAtLogin: z.boolean(),
  /** A system-wide key (Electron accelerator) that opens a new call from any application; null: none. */
  newCallShortcut: Accelerator.nullable(),
};

/** The complete, checked site policy. */
export const SitePolicy = z.strictObject(policyShape).superRefine((policy, ctx) => checkPolicy(policy, ctx));
export type SitePolicy = z.infer<typeof SitePolicy>;

/**
 * A policy file as IT writes it: every key optional, strict so that typos are refused. Array items are whole items
 * (an array in a file replaces the default array), so their own required keys stay required.
 */
const doc = (description: string) => ({ description });

export const SitePolicyFile = z
  .strictObject({
    $schema: z.string().optional().meta(doc('Editor hint; ignored')),
    levels: policyShape.levels
      .optional()
      .meta(doc('Severity scale, highest first (replaces the default scale)')),
    problemTypes: policyShape.problemTypes
      .optional()
      .meta(doc('Problem types with their class and complaints-per-hour bands (replaces the default list)')),
    alerts: AlertPolicy.partial()
      .extend({
        thresholds: z
          .strictObject({
            security: AlertThreshold.partial().optional(),
            key: AlertThreshold.partial().optional(),
            regular: AlertThreshold.partial().optional(),
          })
          .optional(),
      })
      .optional()
      .meta(doc('When the floor must raise an alert: same-type complaints in the window, per problem class')),
    deadlines: z
      .record(
        LevelId,
        z.strictObject({ working: Clocks.partial().optional(), offHours: Clocks.partial().optional() }),
      )
      .optional()
      .meta(doc('Minutes from clock start to each deadline, per level, in working hours and off-hours')),
    grading: GradingPolicy.partial()
      .extend({ final: FinalGrading.partial().optional() })
      .optional()
      .meta(doc('Grading options and the final-grading thresholds')),
    calendar: Calendar.partial()
      .extend({ workingHours: Hours.partial().optional(), serviceHours: Hours.partial().optional() })
      .optional()
      .meta(doc('Time zone, working hours, service (staffed) hours, holidays and make-up working days')),
    contacts: ContactTree.partial()
      .extend({ commandCentre: CommandCentre.partial().optional() })
      .optional()
      .meta(doc('Contact tree: command centre, teams and people')),
    escalation: EscalationPolicy.partial()
      .optional()
      .meta(doc('Escalation chains per level and how calls are retried')),
    ups: policyShape.ups.optional().meta(doc('UPS units watched over NUT')),
    lines: policyShape.lines.optional().meta(doc('Lines and services whose reachability is watched')),
    central: Central.optional().meta(doc("Command-centre sync endpoint and this site's code")),
    crmDownAlertMinutes: policyShape.crmDownAlertMinutes
      .optional()
      .meta(doc('Minutes of CRM outage before the floor is told to use the manual call sheet')),
    retention: Retention.partial().optional(),
    updates: Updates.partial().optional(),
    allowContactEdits: policyShape.allowContactEdits
      .optional()
      .meta(doc('Whether leads may edit the contact tree in the console')),
    checklists: SiteChecklists.partial()
      .optional()
      .meta(
        doc(
          'Site checklist templates (same id + higher version replaces a built-in; a new id adds one) and scripts (same id replaces)',
        ),
      ),
    autoStartAtLogin: policyShape.autoStartAtLogin
      .optional()
      .meta(doc('Start Floorguard (in the tray) when the seat user logs in')),
    newCallShortcut: policyShape.newCallShortcut
      .optional()
      .meta(
        doc(
          'System-wide key that opens a new call from any application, e.g. "CommandOrControl+Alt+N"; null for none',
        ),
      ),
  })
  .meta({
    title: 'Floorguard site policy',
    description:
      'Every key is optional and overrides the built-in default: objects are merged, arrays replaced.',
  });
export type SitePolicyFile = z.infer<typeof SitePolicyFile>;

type Ctx = z.RefinementCtx;

function checkPolicy(policy: SitePolicy, ctx: Ctx): void {
  const levelIds = new Set(policy.levels.map((l) => l.id));
  const known = [...levelIds].join(', ');
  const checkLevel = (id: string, path: (string | number)[]) => {
    if (!levelIds.has(id))
      ctx.addIssue({ code: 'custom', path, message: `Unknown level "${id}" (levels: ${known})` });
  };

  checkUnique(
    policy.levels.map((l) => l.id),
    ['levels'],
    ctx,
  );
  checkUnique(
    policy.problemTypes.map((t) => t.id),
    ['problemTypes'],
    ctx,
  );

  policy.problemTypes.forEach((type, t) => {
    for (const column of ['ordinary', 'vip'] as const) {
      const bands = type.bands[column];
      bands.forEach((band, b) => {
        const path = ['problemTypes', t, 'bands', column, b];
        checkLevel(band.level, [...path, 'level']);
        if (band.max !== null && band.max < band.min) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'max'],
            message: `max ${band.max} is below min ${band.min}`,
          });
        }
        bands.forEach((other, o) => {
          if (o < b && overlaps(band, other)) {
            ctx.addIssue({ code: 'custom', path, message: `Overlaps band ${o} (${bandText(other)})` });
          }
        });
      });
    }
  });

  // Every level needs each per-level table, and a table may not name a level the scale lacks.
  const perLevel: [string[], Record<string, unknown>][] = [
    [['deadlines'], policy.deadlines],
    [['escalation', 'chains'], policy.escalation.chains],
    [['escalation', 'statusUpdateMinutes'], policy.escalation.statusUpdateMinutes],
  ];
  for (const [path, table] of perLevel) {
    for (const id of levelIds) {
      if (!(id in table))
        ctx.addIssue({ code: 'custom', path: [...path, id], message: `Missing entry for level "${id}"` });
    }
    for (const id of Object.keys(table)) checkLevel(id, [...path, id]);
  }
  policy.escalation.deferToOpeningHours.forEach((id, i) =>
    checkLevel(id, ['escalation', 'deferToOpeningHours', i]),
  );
  for (const criterion of ['availabilityHours', 'lossCny'] as const) {
    policy.grading.final[criterion].forEach((entry, i) =>
      checkLevel(entry.level, ['grading', 'final', criterion, i, 'level']),
    );
  }

  for (const key of ['workingHours', 'serviceHours'] as const) {
    const hours = policy.calendar[key];
    if (hours.end <= hours.start) {
      ctx.addIssue({
        code: 'custom',
        path: ['calendar', key, 'end'],
        message: `end ${hours.end} is not after start ${hours.start}`,
      });
    }
  }
  if (policy.calendar.serviceHours.days.length === 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['calendar', 'serviceHours', 'days'],
      message: 'At least one service day is needed',
    });
  }
  const holidays = new Set(policy.calendar.holidays);
  policy.calendar.workdays.forEach((day, i) => {
    if (holidays.has(day)) {
      ctx.addIssue({
        code: 'custom',
        path: ['calendar', 'workdays', i],
        message: `${day} is also listed as a holiday`,
      });
    }
  });

  const teamIds = new Set(policy.contacts.teams.map((t) => t.id));
  checkUnique(
    policy.contacts.teams.map((t) => t.id),
    ['contacts', 'teams'],
    ctx,
  );
  checkUnique(
    policy.contacts.people.map((p) => p.id),
    ['contacts', 'people'],
    ctx,
  );
  policy.contacts.people.forEach((person, i) => {
    if (!teamIds.has(person.team)) {
      ctx.addIssue({
        code: 'custom',
        path: ['contacts', 'people', i, 'team'],
        message: `Unknown team "${person.team}"`,
      });
    }
  });
  checkChecklists(policy, ctx);
}

/** A site template may only name scripts the site has (built-in or its own), and each version is given once. */
function checkChecklists(policy: SitePolicy, ctx: Ctx): void {
  const { templates, scripts } = policy.checklists;
  checkUnique(
    scripts.map((s) => s.id),
    ['checklists', 'scripts'],
    ctx,
  );
  const known = new Set([...SCRIPT_SNIPPETS, ...scripts].map((s) => s.id));
  const versions = templates.map((t) => `${t.id} v${t.version}`);
  templates.forEach((template, t) => {
    if (versions.indexOf(`${template.id} v${template.version}`) !== t) {
      ctx.addIssue({
        code: 'custom',
        path: ['checklists', 'templates', t, 'version'],
        message: `${template.id} version ${template.version} is given twice`,
      });
    }
    template.steps.forEach((step, s) =>
      (step.links?.scripts ?? []).forEach((id, k) => {
        if (!known.has(id))
          ctx.addIssue({
            code: 'custom',
            path: ['checklists', 'templates', t, 'steps', s, 'links', 'scripts', k],
            message: `Unknown script "${id}"`,
          });
      }),
    );
  });
}

function checkUnique(ids: string[], path: string[], ctx: Ctx): void {
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i)
      ctx.addIssue({ code: 'custom', path: [...path, i, 'id'], message: `Duplicate id "${id}"` });
  });
}

function overlaps(a: Band, b: Band): boolean {
  const aMax = a.max ?? Number.POSITIVE_INFINITY;
  const bMax = b.max ?? Number.POSITIVE_INFINITY;
  return a.min <= bMax && b.min <= aMax;
}

/** `5-10`, `11+`, `10`: how reasons and messages name a band. */
export function bandText(band: Band): string {
  if (band.max === null) return `${band.min}+`;
  return band.min === band.max ? `${band.min}` : `${band.min}-${band.max}`;
}
