import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { JournalEntry } from '@shared/journal/schema';
import { HybridClock } from '@shared/sync/hlc';
import { FloorguardDb } from '../../../src/renderer/data/db';
import { createCallsRepository } from '../../../src/renderer/features/calls/calls-repository';
import { newCall } from './fixtures';
import { restoreFromJournal } from '../../../src/renderer/features/calls/journal-restore';

const dbs: FloorguardDb[] = [];
function setup(journal: (entries: JournalEntry[]) => Promise<void> = async () => undefined) {
  const db = new FloorguardDb(`test-${crypto.randomUUID()}`);
  dbs.push(db);
  const repository = createCallsRepository({
    db,
    clock: new HybridClock('seat1'),
    journal,
    seat: () => 'A-12',
  });
  return { db, repository };
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const call = newCall;

describe('calls repository', () => {
  it('a new database starts a new epoch with seq 1', async () => {
    const { db } = setup();
    await db.open();
    const epoch = await db.meta.get('epoch');
    expect(String(epoch?.value)).toMatch(/^[0-9a-f-]{36}$/);
    expect((await db.meta.get('nextSeq'))?.value).toBe(1);
  });

  it('writes each record and its outbox mutation together, with contiguous seq numbers', async () => {
    const { db, repository } = setup();
    const first = call('one');
    await repository.save([first]);
    await repository.save([call('two'), call('three')]);
    await repository.save([{ ...first, status: 'entered-in-crm' }]);
    expect(await db.calls.count()).toBe(3);
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    expect(outbox.map((m) => m.op)).toEqual(['upsert', 'upsert', 'upsert', 'upsert']);
    expect(outbox[3]?.data).toMatchObject({ id: first.id, status: 'entered-in-crm', updatedBy: 'A-12' });
    const hlcs = outbox.map((m) => m.hlc);
    expect([...hlcs].sort()).toEqual(hlcs); // causal order
  });

  it('refuses an invalid record and writes neither the record nor a mutation', async () => {
    const { db, repository } = setup();
    await expect(repository.save([call('ok'), { ...call('bad'), callerPhone: '' }])).rejects.toThrow();
    expect(await db.calls.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('sends every save to the journal, and keeps the record when only the journal fails', async () => {
    const journaled: JournalEntry[] = [];
    const ok = setup(async (entries) => void journaled.push(...entries));
    const saved = await ok.repository.save([call('journaled')]);
    expect(journaled).toEqual([
      { entity: 'call', id: saved.saved[0]?.id, hlc: saved.saved[0]?.hlc, data: saved.saved[0] },
    ]);

    const failing = setup(async () => {
      throw new Error('ENOSPC: no space left on device');
    });
    const result = await failing.repository.save([call('kept')]);
    expect(result.journalError).toContain('ENOSPC');
    expect(await failing.db.calls.count()).toBe(1);
  });

  it('restores from the journal what IndexedDB lost, and queues it for the centre', async () => {
    const journaled: JournalEntry[] = [];
    const before = setup(async (entries) => void journaled.push(...entries));
    await before.repository.save([call('a'), call('b'), call('c')]);
    await before.db.delete(); // IndexedDB lost between two runs

    const after = setup();
    expect(await restoreFromJournal(after.db, after.repository, journaled)).toBe(3);
    expect((await after.db.calls.toArray()).map((c) => c.summary).sort()).toEqual(['a', 'b', 'c']);
    expect(await after.db.outbox.count()).toBe(3);
    expect(await restoreFromJournal(after.db, after.repository, journaled)).toBe(0);
  });
});

describe('calls repository and sync metadata', () => {
  it('an edit orders after the version it edits, even from a seat whose clock is behind', async () => {
    const { db, repository } = setup();
    const now = Date.now();
    const remote = {
      ...call('from another seat'),
      hlc: `${String(now + 3_600_000).padStart(15, '0')}-0000-other`,
      syncedAt: new Date().toISOString(),
    };
    await db.calls.put(remote);
    const [edited] = (await repository.save([{ ...remote, status: 'entered-in-crm' }])).saved;
    expect(edited?.hlc && edited.hlc > remote.hlc).toBe(true);
    expect(edited?.syncedAt).toBeUndefined();
  });

  it('an edit orders after the version it edits even when that one is too far ahead to adopt (a seat days ahead)', async () => {
    const { db, repository } = setup();
    const remote = {
      ...call('from a seat two days ahead'),
      hlc: `${String(Date.now() + 2 * 86_400_000).padStart(15, '0')}-0000-other`,
    };
    await db.calls.put(remote);
    const [edited] = (await repository.save([{ ...remote, status: 'entered-in-crm' }])).saved;
    expect(edited?.hlc && edited.hlc > remote.hlc).toBe(true);
    // This seat's own clock did not jump: its next new call is stamped with its own time.
    const [fresh] = (await repository.save([call('next call')])).saved;
    expect(fresh?.hlc && fresh.hlc < remote.hlc).toBe(true);
  });
});
