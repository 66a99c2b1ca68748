import { v7 as uuidv7 } from 'uuid';
import { ContactEdit, type Person } from '@shared/policy';
import type { HybridClock } from '@shared/sync/hlc';
import type { FloorguardDb } from '../../data/db';
import { queueMutations } from '../../data/outbox';

export interface ContactsRepository {
  /** Saves a person as edited here (new or changed); synced to the site. */
  save(person: Person): Promise<ContactEdit>;
  /** Removes a person from the tree (a tombstone edit, so every seat removes them too). */
  remove(personId: string): Promise<ContactEdit>;
}

/**
 * A lead's edit of the contact tree: the edit row and its outbox mutation in one strict transaction, as for calls.
 * Whether edits are allowed is the caller's check (the policy); the edit is refused here only if it is malformed.
 */
export function createContactsRepository(deps: {
  db: FloorguardDb;
  clock: HybridClock;
  author: () => string;
  seat: () => string;
  now?: () => Date;
}): ContactsRepository {
  const { db, clock } = deps;
  async function write(id: string, person: Person | null): Promise<ContactEdit> {
    const at = (deps.now?.() ?? new Date()).toISOString();
    const edit = ContactEdit.parse({
      id,
      person,
      by: deps.author(),
      seat: deps.seat(),
      at,
      hlc: clock.tick(),
    });
    await db.transaction('rw', [db.contactEdits, db.outbox, db.meta, db.seqClaims], async () => {
      await db.contactEdits.put(edit);
      await queueMutations(db, [
        {
          id: uuidv7(),
          entity: 'contact',
          entityId: id,
          op: 'upsert',
          data: edit,
          hlc: edit.hlc,
          createdAt: at,
        },
      ]);
    });
    return edit;
  }
  return {
    save: (person) => write(person.id, person),
    remove: (personId) => write(personId, null),
  };
}
