import { BUILT_IN_TEMPLATES } from '@shared/checklists';
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { deriveIncidents, type QueuedTrayAction } from '@shared/incidents';
import type { JournalEntry } from '@shared/journal/schema';
import { defaultPolicy } from '@shared/policy';
import { HybridClock, encodeHlc } from '@shared/sync/hlc';
import { FloorguardDb } from '../../../src/renderer/data/db';
import { declareIncident } from '../../../src/renderer/features/incidents/declare';
import { createIncidentsRepository } from '../../../src/renderer/features/incidents/incidents-repository';
import { restoreIncidentEvents } from '../../../src/renderer/features/incidents/journal-restore';
import { runTrayAction } from '../../../src/renderer/features/incidents/tray-actions';

const NOW = new Date('2025-03-04T02:00:00.000Z');
const dbs: FloorguardDb[] = [];
function setup(journal: (entries: JournalEntry[]) => Promise<void> = async () => undefined) {
  const db = new FloorguardDb(`test-${crypto.randomUUID()}`);
  dbs.push(db);
  const clock = new HybridClock('seat1', () => NOW.getTime());
  const repository = createIncidentsRepository({
    db,
    clock,
    journal,
    author: () => '王芳',
    seat: () => 'A-01',
    now: () => NOW,
  });
  return { db, clock, repository };
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});
const noSuggestion = { level: null, reasons: [], alerts: [] };
const derived = async (db: FloorguardDb) => deriveIncidents(await db.incidentEvents.toArray());

describe('incidents repository', () => {
  it('writes the event and its outbox mutation together, and journals it', async () => {
    const journalled: JournalEntry[] = [];
    const { db, repository } = setup(async (entries) => void journalled.push(...entries));
    const { event, written } = await declareIncident(
      repository,
      { scenario: 'power-cut', level: 'urgent', description: ' 整层断电 ' },
      noSuggestion,
      BUILT_IN_TEMPLATES,
    );
    expect(written).toBe(true);
    expect(event).toMatchObject({
      type: 'incident.declared',
      author: '王芳',
      seat: 'A-01',
      occurredAt: NOW.toISOString(),
    });
    expect(event.type === 'incident.declared' && event.payload).toMatchObject({
      description: '整层断电',
      templateId: 'power-cut',
      templateVersion: 1,
      template: BUILT_IN_TEMPLATES.find((t) => t.id === 'power-cut'),
    });
    expect(await db.incidentEvents.toArray()).toEqual([event]);
    const outbox = await db.outbox.toArray();
    expect(outbox).toEqual([
      expect.objectContaining({
        seq: 1,
        entity: 'incident-event',
        op: 'append',
        entityId: event.incidentId,
        data: event,
      }),
    ]);
    expect(journalled).toEqual([{ entity: 'incident-event', id: event.id, hlc: event.hlc, data: event }]);
  });

  it('orders a new event after the incident’s latest, even one from a seat whose clock is days ahead', async () => {
    const { db, repository } = setup();
    const { event } = await declareIncident(
      repository,
      { scenario: 'fire', level: 'urgent', description: '' },
      noSuggestion,
      BUILT_IN_TEMPLATES,
    );
    // A level change pulled from a seat whose clock runs three days ahead.
    const ahead = {
      ...event,
      id: '0195f0a0-0000-7000-8000-0000000000ff',
      type: 'incident.level-changed' as const,
    };
    await db.incidentEvents.add({
      ...ahead,
      hlc: encodeHlc({ millis: NOW.getTime() + 3 * 86_400_000, counter: 0, node: 'seat9' }),
      payload: { from: 'urgent', to: 'major', reason: 'worse' },
    });
    await repository.append(event.incidentId, 'incident.level-changed', {
      from: 'major',
      to: 'urgent',
      reason: 'contained',
    });
    expect((await derived(db))[0]?.level).toBe('urgent');
  });

  it('declares with the site’s current template and records it whole', async () => {
    const { repository } = setup();
    const fire = BUILT_IN_TEMPLATES.find((t) => t.id === 'fire');
    if (!fire) throw new Error('no fire template');
    const siteFire = { ...fire, version: 4, title: { zh: '火灾（本站）', en: 'Fire (site)' } };
    const { event } = await declareIncident(
      repository,
      { scenario: 'fire', level: 'urgent', description: '' },
      noSuggestion,
      [...BUILT_IN_TEMPLATES, siteFire],
    );
    expect(event.type === 'incident.declared' && event.payload).toMatchObject({
      templateId: 'fire',
      templateVersion: 4,
      template: siteFire,
    });
  });

  it('refuses a bad event with the field at fault, and writes nothing', async () => {
    const { db, repository } = setup();
    await expect(
      repository.append(repository.newIncidentId(), 'incident.level-changed', {
        from: 'urgent',
        to: 'major',
        reason: ' ',
      }),
    ).rejects.toThrow(/reason/);
    expect(await db.incidentEvents.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('records an event id once, however often it is appended', async () => {
    const { db, repository } = setup();
    const id = '0195f0a0-0000-7000-8000-0000000000aa';
    const incidentId = repository.newIncidentId();
    const first = await repository.append(incidentId, 'incident.note', { text: 'a' }, { id });
    const second = await repository.append(incidentId, 'incident.note', { text: 'a' }, { id });
    expect(second).toMatchObject({ written: false, event: first.event });
    expect(await db.incidentEvents.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
  });

  it('keeps the event when the journal copy fails, and says so', async () => {
    const { db, repository } = setup(async () => {
      throw new Error('main busy');
    });
    const result = await repository.append(repository.newIncidentId(), 'incident.note', { text: 'x' });
    expect(result.journalError).toBe('main busy');
    expect(await db.incidentEvents.count()).toBe(1);
  });

  it('restores events the journal has and the database lost, as they were', async () => {
    const { db, repository } = setup();
    const { event } = await repository.append(repository.newIncidentId(), 'incident.note', { text: 'kept' });
    const other = setup();
    expect(
      await restoreIncidentEvents(other, [
        { entity: 'incident-event', id: event.id, hlc: event.hlc, data: event },
      ]),
    ).toBe(1);
    expect(await other.db.incidentEvents.toArray()).toEqual([event]);
    expect(
      await restoreIncidentEvents(other, [
        { entity: 'incident-event', id: event.id, hlc: event.hlc, data: event },
      ]),
    ).toBe(0);
    expect(await db.incidentEvents.count()).toBe(1);
  });
});

describe('tray actions in the renderer', () => {
  const deps = (s: ReturnType<typeof setup>, calls: string[] = []) => ({
    db: s.db,
    repository: s.repository,
    policy: defaultPolicy,
    texts: { declaredFromTray: (level: string) => `from tray: ${level}`, raisedFromTray: 'raised from tray' },
    newCall: () => calls.push('new-call'),
    now: () => NOW,
  });
  const queued = (action: QueuedTrayAction['action'], n: number, at = NOW): QueuedTrayAction => ({
    id: `0195f0a0-0000-7000-8000-0000000000${String(n).padStart(2, '0')}`,
    at: at.toISOString(),
    action,
  });

  it('declares once even when the action is delivered twice', async () => {
    const s = setup();
    const action = queued(
      { kind: 'declare', scenario: 'fire', level: 'major' },
      1,
      new Date(NOW.getTime() - 60_000),
    );
    await runTrayAction(deps(s), action);
    await runTrayAction(deps(s), action);
    const incidents = await derived(s.db);
    expect(incidents).toHaveLength(1);
    // The click's time, not the delivery's.
    expect(incidents[0]?.declared.at).toBe(new Date(NOW.getTime() - 60_000).toISOString());
    expect(incidents[0]).toMatchObject({ scenario: 'fire', level: 'major', suggestedLevel: null });
  });

  it('never dates an action after this seat’s now (main’s clock ahead)', async () => {
    const s = setup();
    await runTrayAction(
      deps(s),
      queued({ kind: 'declare', scenario: 'fire', level: 'major' }, 2, new Date(NOW.getTime() + 3_600_000)),
    );
    expect((await derived(s.db))[0]?.declared.at).toBe(NOW.toISOString());
  });

  it('raises a level, but never lowers one from a stale menu', async () => {
    const s = setup();
    const { event } = await declareIncident(
      s.repository,
      { scenario: 'fire', level: 'urgent', description: '' },
      noSuggestion,
      BUILT_IN_TEMPLATES,
    );
    const raise = { kind: 'raise-level', incidentId: event.incidentId, from: 'urgent', to: 'major' } as const;
    await runTrayAction(deps(s), queued(raise, 3));
    expect((await derived(s.db))[0]).toMatchObject({
      level: 'major',
      levelChanges: [expect.objectContaining({ reason: 'raised from tray' })],
    });
    await runTrayAction(deps(s), queued({ ...raise, to: 'serious', from: 'general' }, 4));
    expect((await derived(s.db))[0]?.level).toBe('major');
  });

  it('marks the next contact notified, and opens a new call sheet', async () => {
    const s = setup();
    const calls: string[] = [];
    const { event } = await declareIncident(
      s.repository,
      { scenario: 'fire', level: 'urgent', description: '' },
      noSuggestion,
      BUILT_IN_TEMPLATES,
    );
    await runTrayAction(
      deps(s, calls),
      queued(
        {
          kind: 'mark-notified',
          incidentId: event.incidentId,
          personId: 'example-cs-manager',
          role: 'cs-manager',
          step: 0,
          level: 'urgent',
        },
        5,
      ),
    );
    expect((await derived(s.db))[0]?.contacts.map((c) => c.type)).toEqual(['incident.person-notified']);
    await runTrayAction(deps(s, calls), queued({ kind: 'new-call' }, 6));
    expect(calls).toEqual(['new-call']);
  });
});
