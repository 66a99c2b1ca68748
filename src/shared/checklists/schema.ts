import { z } from 'zod';
import type { Locale } from '../settings/schema';

/**
 * Checklist templates (DOMAIN.md §7): one per emergency scenario, ordered steps with an owner role and clocks
 * relative to the declaration. Templates are data — built-ins ship in `templates/`, and a site policy or the
 * central pull can replace them by id with a higher version (see `resolve.ts`).
 */

/** Ids that end up in URLs, event payloads and site-policy files: lower-case kebab-case, nothing else. */
export const Slug = z
  .string()
  .max(64)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case');

const Text = (max: number) => z.string().trim().min(1).max(max);

/** Every text a floor sees exists in both languages; a template missing one is refused, not half-shown. */
export const Bilingual = z.object({ zh: Text(2000), en: Text(2000) }).strict();
export type Bilingual = z.infer<typeof Bilingual>;

export function localize(text: Bilingual, locale: Locale): string {
  return locale === 'zh-CN' ? text.zh : text.en;
}

/**
 * A role id from the contact tree (`shift-lead`, `centre-manager`, …). Open-ended on purpose: a site adds its own
 * roles in its policy, so the schema only checks the shape; `roles.ts` lists the ones the built-ins use.
 */
export const RoleId = Slug;
export type RoleId = z.infer<typeof RoleId>;

/** Minutes relative to an anchor; capped at 30 days so a typo in a site policy cannot schedule a step for 2090. */
const Minutes = z
  .number()
  .int()
  .min(0)
  .max(30 * 24 * 60);

/** A place in the app a step opens, so the lead goes from "start the call sheet" to the call sheet in one tap. */
export const AppLink = z.discriminatedUnion('place', [
  z.object({ place: z.literal('calls') }).strict(),
  z.object({ place: z.literal('contacts'), role: RoleId.optional() }).strict(),
  z.object({ place: z.literal('power') }).strict(),
]);
export type AppLink = z.infer<typeof AppLink>;

export const StepLinks = z
  .object({
    /** Script snippet ids (话术) the owner reads out or hands to the agents; see `scripts.ts`. */
    scripts: z.array(Slug).min(1).optional(),
    app: AppLink.optional(),
  })
  .strict();
export type StepLinks = z.infer<typeof StepLinks>;

/**
 * `not-recovered`: the step exists only because the incident outlived a deadline ("not recovered within 10 min →
 * notify the operations VP"). It appears at `showAfterMinutes` unless the incident was resolved by then.
 */
export const SHOW_CONDITIONS = ['not-recovered'] as const;
export const ShowCondition = z.enum(SHOW_CONDITIONS);
export type ShowCondition = z.infer<typeof ShowCondition>;

/**
 * What `dueAfterMinutes` counts from. Most clocks start at the declaration; the data-centre written report is due
 * "within three days after the investigation ends" (seed 003 第四篇 3.x), so it counts from resolution.
 */
export const DUE_ANCHORS = ['declared', 'resolved'] as const;
export const DueAnchor = z.enum(DUE_ANCHORS);
export type DueAnchor = z.infer<typeof DueAnchor>;

/**
 * A call-in list for a surge tier: the standby pool is a share of the agents on the roster (seed 004: 10 %), and
 * the step tracks how many of them have confirmed they are coming ("4 of 6 confirmed").
 */
export const CallInDefinition = z.object({ poolPercentOfAgents: z.number().gt(0).max(100) }).strict();
export type CallInDefinition = z.infer<typeof CallInDefinition>;

export const ChecklistStep = z
  .object({
    id: Slug,
    text: Bilingual,
    owner: RoleId,
    dueAfterMinutes: Minutes.optional(),
    /** Defaults to `declared`. */
    dueFrom: DueAnchor.optional(),
    showAfterMinutes: Minutes.optional(),
    showCondition: ShowCondition.optional(),
    /** A status update owed every N minutes while the incident is open, counted from the last update. */
    repeatEveryMinutes: Minutes.min(1).optional(),
    links: StepLinks.optional(),
    callIn: CallInDefinition.optional(),
  })
  .strict()
  .refine((step) => step.showCondition === undefined || step.showAfterMinutes !== undefined, {
    message: 'showCondition needs showAfterMinutes',
    path: ['showCondition'],
  })
  .refine(
    (step) =>
      step.dueAfterMinutes === undefined ||
      step.showAfterMinutes === undefined ||
      step.dueFrom === 'resolved' ||
      step.dueAfterMinutes >= step.showAfterMinutes,
    { message: 'a step cannot be due before it appears', path: ['dueAfterMinutes'] },
  )
  .refine((step) => step.repeatEveryMinutes === undefined || step.dueFrom !== 'resolved', {
    message: 'status updates stop at resolution, so a repeating step cannot count from it',
    path: ['repeatEveryMinutes'],
  });
export type ChecklistStep = z.infer<typeof ChecklistStep>;

export const ChecklistTemplate = z
  .object({
    id: Slug,
    scenarioId: Slug,
    /** Bumped on every change; incidents record the version they ran so later edits never rewrite history. */
    version: z.number().int().min(1),
    title: Bilingual,
    /** Where the steps come from (`seed 003 第三篇 二`), so a reviewer can check them against the plan. */
    source: z.string().trim().max(200).optional(),
    steps: z.array(ChecklistStep).min(1).max(100),
  })
  .strict()
  .superRefine((template, ctx) => {
    const seen = new Set<string>();
    template.steps.forEach((step, index) => {
      // Events refer to steps by id, so a duplicate would silently tick two steps at once.
      if (seen.has(step.id)) {
        ctx.addIssue({
          code: 'custom',
          message: `duplicate step id ${step.id}`,
          path: ['steps', index, 'id'],
        });
      }
      seen.add(step.id);
    });
  });
export type ChecklistTemplate = z.infer<typeof ChecklistTemplate>;

/** One script (话术) from the knowledge base: a short text an agent can read out as it stands. */
export const ScriptSnippet = z
  .object({
    id: Slug,
    title: Bilingual,
    text: Bilingual,
    tags: z.array(Slug).max(20),
    source: z.string().trim().max(200).optional(),
  })
  .strict();
export type ScriptSnippet = z.infer<typeof ScriptSnippet>;
