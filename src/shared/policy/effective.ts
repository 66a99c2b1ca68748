import { z } from 'zod';
import { HLC_PATTERN } from '../sync/hlc';
import { tryMerge, type PolicyIssue } from './merge';
import { Person, type SitePolicy } from './schema';

/*
 * The policy a seat runs on (ADR 0008): the policy file (IT, per machine), then what the centre published for the site
 * (`policy`, then `contacts`), then the leads' contact edits when the policy allows them. Each layer that does not
 * check is left out and reported; the layers below it still apply — a bad publish never takes the contact tree away.
 */

const Text = (max: number) => z.string().trim().max(max);

/**
 * One lead's change to one person of the contact tree, synced to the site (entity `contact`, last writer wins by
 * `hlc` per person). `person: null` removes the person.
 */
export const ContactEdit = z
  .strictObject({
    id: Person.shape.id,
    person: Person.nullable(),
    by: Text(64),
    seat: Text(64),
    at: z.iso.datetime({ offset: true }),
    hlc: z.string().regex(HLC_PATTERN, 'must be an HLC timestamp'),
    syncedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((edit) => edit.person === null || edit.person.id === edit.id, {
    message: 'person.id must be the edit id',
    path: ['person', 'id'],
  });
export type ContactEdit = z.infer<typeof ContactEdit>;

export interface PolicyLayers {
  /** The centre's `policy` document: a policy file's shape. */
  centralPolicy?: unknown;
  /** The centre's `contacts` document: a contact tree (or part of one), with the hlc it was published at. */
  centralContacts?: { data: unknown; hlc: string };
  contactEdits?: readonly ContactEdit[];
}

export interface EffectivePolicy {
  policy: SitePolicy;
  /** Where each refused layer or edit went wrong; shown in diagnostics. */
  problems: PolicyIssue[];
  /** Edits that are in force (newer than the centre's contact tree, and allowed by the policy). */
  appliedEdits: number;
}

export function effectivePolicy(base: SitePolicy, layers: PolicyLayers): EffectivePolicy {
  const problems: PolicyIssue[] = [];
  let policy = base;
  const apply = (label: string, patch: unknown) => {
    const result = tryMerge(policy, patch);
    if (result.ok) policy = result.policy;
    else problems.push(...result.errors.map((e) => ({ path: `${label}: ${e.path}`, message: e.message })));
  };
  if (layers.centralPolicy !== undefined) apply('central policy', layers.centralPolicy);
  if (layers.centralContacts) apply('central contacts', { contacts: layers.centralContacts.data });

  let appliedEdits = 0;
  if (policy.allowContactEdits) {
    // The centre's publish replaces the tree as of its time: edits made before it are superseded.
    const since = layers.centralContacts?.hlc ?? '';
    const edits = [...(layers.contactEdits ?? [])]
      .filter((edit) => edit.hlc > since)
      .sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
    for (const edit of edits) {
      const people = policy.contacts.people.filter((p) => p.id !== edit.id);
      if (edit.person) {
        const index = policy.contacts.people.findIndex((p) => p.id === edit.id);
        people.splice(index === -1 ? people.length : index, 0, edit.person);
      }
      const result = tryMerge(policy, { contacts: { people } });
      if (result.ok) {
        policy = result.policy;
        appliedEdits++;
      } else {
        problems.push(
          ...result.errors.map((e) => ({ path: `contact edit ${edit.id}: ${e.path}`, message: e.message })),
        );
      }
    }
  }
  return { policy, problems, appliedEdits };
}
