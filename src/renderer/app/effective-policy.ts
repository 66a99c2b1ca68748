import { liveQuery } from 'dexie';
import { ContactEdit, type PolicyLayers } from '@shared/policy';
import type { FloorguardDb } from '../data/db';
import { usePolicyStore } from './policy-store';

/**
 * Keeps the policy store on the policy the seat runs on: main's (the file) with the centre's `policy` and `contacts`
 * documents and the leads' contact edits from the local database, re-read whenever a pull or an edit changes them.
 */
export function watchEffectivePolicy(db: FloorguardDb): () => void {
  const subscription = liveQuery(async (): Promise<PolicyLayers> => {
    const [policy, contacts, edits] = await Promise.all([
      db.siteConfig.get('policy'),
      db.siteConfig.get('contacts'),
      db.contactEdits.toArray(),
    ]);
    return {
      ...(policy ? { centralPolicy: policy.data } : {}),
      ...(contacts ? { centralContacts: { data: contacts.data, hlc: contacts.hlc } } : {}),
      // A row that no longer parses (written by a newer version) is left out rather than breaking the tree.
      contactEdits: edits.flatMap((row) => {
        const parsed = ContactEdit.safeParse(row);
        return parsed.success ? [parsed.data] : [];
      }),
    };
  }).subscribe({
    next: (layers) => usePolicyStore.getState().setLayers(layers),
    error: (error: unknown) => console.error('policy layers', error),
  });
  return () => subscription.unsubscribe();
}
