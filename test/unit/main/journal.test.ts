import { appendFileSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallLog } from '@shared/calls/schema';
import type { JournalEntry } from '@shared/journal/schema';
import { createJournal, type Journal } from '../../../src/main/services/journal/journal';

const call = (id: string, summary: string): CallLog => ({
  id,
  createdAt: '2026-11-24T02:00:00.000Z',
  agent: '王芳',
  callerPhone: '+8613812345678',
  problemType: 'login-failure',
  summary,
});
const ID1 = '019ab8a0-0000-7000-8000-000000000001';
const ID2 = '019ab8a0-0000-7000-8000-000000000002';
const entry = (id: string, hlc: string, summary: string): JournalEntry => ({
  entity: 'call',
  id,
  hlc,
  data: call(id, summary),
});

const opened: Journal[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((journal) => journal.close()));
});

function open(dir: string, now: () => Date): Journal {
  const journal = createJournal({ dir, now });
  opened.push(journal);
  return journal;
}

function setup(day = '2026-11-24T10:00:00Z') {
  const dir = mkdtempSync(join(tmpdir(), 'fg-journal-'));
  let now = new Date(day);
  const journal = open(dir, () => now);
  return { dir, journal, setNow: (d: string) => (now = new Date(d)) };
}

/** Everything written to the journal folder, whatever the files. */
const written = (dir: string) =>
  readdirSync(dir)
    .map((file) => readFileSync(join(dir, file), 'utf8'))
    .join('');

describe('journal', () => {
  it('appends one NDJSON line per save into the day’s file and reads back the newest version of each record', async () => {
    const { dir, journal } = setup();
    await journal.append([entry(ID1, 'a1', 'first'), entry(ID2, 'b1', 'other')]);
    await journal.append([entry(ID1, 'a2', 'edited')]);
    expect(readdirSync(dir)).toEqual(['journal-2026-11-24.ndjson']);
    expect(readFileSync(join(dir, 'journal-2026-11-24.ndjson'), 'utf8').trim().split('\n')).toHaveLength(3);
    const entries = await journal.unacknowledged();
    expect(entries.map((e) => [e.id, e.entity === 'call' ? e.data.summary : e.entity]).sort()).toEqual([
      [ID1, 'edited'],
      [ID2, 'other'],
    ]);
  });

  it('has today’s file open before the first save, so that save does not wait for its creation', async () => {
    const { dir, journal } = setup();
    // Queued behind the journal's own start-up work, as every call is.
    expect(await journal.unacknowledged()).toEqual([]);
    expect(readdirSync(dir)).toEqual(['journal-2026-11-24.ndjson']);
    expect(written(dir)).toBe('');
  });

  it('refuses an entry that is not a valid call record and writes nothing', async () => {
    const { dir, journal } = setup();
    const bad = {
      entity: 'call',
      id: ID1,
      hlc: 'x',
      data: { ...call(ID1, 's'), callerPhone: '' },
    } as JournalEntry;
    await expect(journal.append([entry(ID2, 'b1', 'ok'), bad])).rejects.toThrow();
    expect(written(dir)).toBe('');
    expect(await journal.unacknowledged()).toEqual([]);
  });

  it('skips a torn last line left by a crash and keeps everything before it', async () => {
    const { dir, journal } = setup();
    await journal.append([entry(ID1, 'a1', 'kept')]);
    appendFileSync(join(dir, 'journal-2026-11-24.ndjson'), '{"entity":"call","id":"019ab8a0-0000-7000-8');
    const restarted = open(dir, () => new Date('2026-11-24T11:00:00Z'));
    expect(
      (await restarted.unacknowledged()).map((e) => (e.entity === 'call' ? e.data.summary : e.entity)),
    ).toEqual(['kept']);
    await restarted.append([entry(ID2, 'b1', 'after crash')]);
    expect(
      (await restarted.unacknowledged()).map((e) => (e.entity === 'call' ? e.data.summary : e.entity)).sort(),
    ).toEqual(['after crash', 'kept']);
  });

  it('rotates daily and prunes a past day only when the centre acknowledged all of it', async () => {
    const { dir, journal, setNow } = setup('2026-11-23T10:00:00Z');
    await journal.append([entry(ID1, 'a1', 'monday'), entry(ID2, 'b1', 'monday too')]);
    setNow('2026-11-24T10:00:00Z');
    await journal.append([entry(ID1, 'a2', 'tuesday edit')]);
    expect(readdirSync(dir).sort()).toEqual(['journal-2026-11-23.ndjson', 'journal-2026-11-24.ndjson']);

    await journal.acknowledge([{ entity: 'call', id: ID1, hlc: 'a2' }]);
    expect(await journal.prune()).toEqual([]); // ID2 is not acknowledged yet
    expect((await journal.unacknowledged()).map((e) => e.id)).toEqual([ID2]);

    await journal.acknowledge([{ entity: 'call', id: ID2, hlc: 'b1' }]);
    expect(await journal.prune()).toEqual(['journal-2026-11-23.ndjson']);
    expect(readdirSync(dir).sort()).toEqual(['acknowledged.ndjson', 'journal-2026-11-24.ndjson']);
    expect(await journal.unacknowledged()).toEqual([]);
  });

  it('an acknowledgement of an older version does not hide a newer edit', async () => {
    const { journal } = setup();
    await journal.append([entry(ID1, 'a1', 'v1'), entry(ID1, 'a2', 'v2')]);
    await journal.acknowledge([{ entity: 'call', id: ID1, hlc: 'a1' }]);
    expect(
      (await journal.unacknowledged()).map((e) => (e.entity === 'call' ? e.data.summary : e.entity)),
    ).toEqual(['v2']);
  });

  it('never interleaves concurrent appends', async () => {
    const { dir, journal } = setup();
    const ids = Array.from(
      { length: 50 },
      (_, i) => `019ab8a0-0000-7000-8000-${String(i).padStart(12, '0')}`,
    );
    await Promise.all(ids.map((id, i) => journal.append([entry(id, `h${i}`, 'x'.repeat(2000))])));
    const lines = readFileSync(join(dir, 'journal-2026-11-24.ndjson'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(50);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });
});
