import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES, deriveChecklist, type ChecklistTemplate } from '@shared/checklists';
import { checklistEventsOf, deriveIncidents, parseIncidentEvents } from '@shared/incidents';
import { HybridClock } from '@shared/sync/hlc';
import { FloorguardDb } from '../../../src/renderer/data/db';
import { loadAgentCount, saveAgentCount } from '../../../src/renderer/features/checklist/agent-count';
import { createChecklistActions } from '../../../src/renderer/features/checklist/checklist-actions';
import { DEFAULT_AGENT_COUNT } from '../../../src/renderer/features/checklist/checklist-model';
import { declareIncident } from '../../../src/renderer/features/incidents/declare';
import { createIncidentsRepository } from '../../../src/renderer/features/incidents/incidents-repository';

const DECLARED = new Date('2025-03-04T02:00:00.000Z');
const dbs: FloorguardDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

/** One seat: its own database, clock and names; `at` moves its wall clock. */
function seat(node: string, by: string, seatName: string) {
  let now = DECLARED;
  const db = new FloorguardDb(`test-${crypto.randomUUID()}`);
  dbs.push(db);
  const clock = new HybridClock(node, () => now.getTime());
  const repository = createIncidentsRepository({
    db,
    clock,
    author: () => by,
    seat: () => seatName,
    now: () => now,
  });
  const actions = createChecklistActions({
    repository,
    clock,
    by: () => by,
    seat: () => seatName,
    now: () => now,
  });
  return {
    db,
    repository,
    actions,
    at(minutes: number) {
      now = new Date(DECLARED.getTime() + minutes * 60_000);
    },
  };
}

const template = BUILT_IN_TEMPLATES.find((t) => t.id === 'call-surge') as ChecklistTemplate;
const noSuggestion = { level: null, reasons: [], alerts: [] };

async function checklistOf(dbsToMerge: FloorguardDb[], minutes: number, agentCount?: number) {
  const rows = (await Promise.all(dbsToMerge.map((db) => db.incidentEvents.toArray()))).flat();
  const [incident] = deriveIncidents(parseIncidentEvents(rows).events);
  if (!incident) throw new Error('no incident');
  return deriveChecklist(template, {
    declaredAt: incident.declared.at,
    now: new Date(DECLARED.getTime() + minutes * 60_000),
    events: checklistEventsOf(incident.events),
    ...(agentCount === undefined ? {} : { agentCount }),
  });
}

async function declareSurge(s: ReturnType<typeof seat>) {
  const { event } = await declareIncident(
    s.repository,
    { scenario: 'call-surge', level: 'urgent', description: '' },
    noSuggestion,
    BUILT_IN_TEMPLATES,
  );
  return event.incidentId;
}

describe('checklist actions', () => {
  it('record who did what and when as incident events, each with its outbox mutation', async () => {
    const a = seat('seat1', '王芳', 'A-01');
    const id = await declareSurge(a);
    a.at(1);
    await a.actions.check(id, 'tier-1-all-agents');
    a.at(2);
    await a.actions.skip(id, 'find-cause', '  原因已知：系统故障 ');
    await a.actions.note(id, 'find-cause', '运维确认');

    const list = await checklistOf([a.db], 3);
    const tier1 = list.steps.find((s) => s.step.id === 'tier-1-all-agents');
    expect(tier1).toMatchObject({
      state: 'done',
      lastChange: { by: '王芳', seat: 'A-01', at: '2025-03-04T02:01:00.000Z' },
    });
    const cause = list.steps.find((s) => s.step.id === 'find-cause');
    expect(cause).toMatchObject({ state: 'skipped', skipReason: '原因已知：系统故障' });
    expect(cause?.notes.map((n) => n.text)).toEqual(['运维确认']);
    expect(list.progress).toMatchObject({ done: 1, skipped: 1 });
    // The declaration and three checklist events all wait in the outbox for the centre.
    expect(await a.db.outbox.count()).toBe(4);
  });

  it('refuses a skip without a reason, and writes nothing', async () => {
    const a = seat('seat1', '王芳', 'A-01');
    const id = await declareSurge(a);
    await expect(a.actions.skip(id, 'find-cause', '   ')).rejects.toThrow();
    expect(await a.db.incidentEvents.count()).toBe(1);
  });

  it('merge across seats: the later tick by HLC wins, and one person confirmed twice counts once', async () => {
    const a = seat('seat1', '王芳', 'A-01');
    const b = seat('seat2', '李雷', 'B-07');
    const id = await declareSurge(a);
    // Seat B has the declaration (as sync would bring it).
    await b.repository.restore(await a.db.incidentEvents.toArray());

    a.at(31);
    await a.actions.check(id, 'other-channels');
    b.at(32);
    await b.actions.uncheck(id, 'other-channels');
    a.at(33);
    await a.actions.confirmCallIn(id, 'tier-2-call-in', 'Han Meimei');
    b.at(33.5);
    await b.actions.confirmCallIn(id, 'tier-2-call-in', ' han  meimei ');
    await b.actions.confirmCallIn(id, 'tier-2-call-in', '张伟');

    // Either order of merging gives the same list.
    for (const order of [
      [a.db, b.db],
      [b.db, a.db],
    ]) {
      const list = await checklistOf(order, 40, 40);
      const channels = list.steps.find((s) => s.step.id === 'other-channels');
      expect(channels).toMatchObject({ state: 'pending', lastChange: { by: '李雷', seat: 'B-07' } });
      const tier2 = list.steps.find((s) => s.step.id === 'tier-2-call-in');
      expect(tier2?.callIn).toMatchObject({ pool: 4, confirmed: 2, complete: false });
    }
  });
});

describe('agent count per incident', () => {
  it('defaults until the lead sets it, is kept per incident, and stays a sane whole number', async () => {
    const a = seat('seat1', '王芳', 'A-01');
    expect(await loadAgentCount(a.db, 'incident-1')).toBe(DEFAULT_AGENT_COUNT);
    await saveAgentCount(a.db, 'incident-1', 42);
    expect(await loadAgentCount(a.db, 'incident-1')).toBe(42);
    expect(await loadAgentCount(a.db, 'incident-2')).toBe(DEFAULT_AGENT_COUNT);
    await saveAgentCount(a.db, 'incident-2', -3);
    expect(await loadAgentCount(a.db, 'incident-2')).toBe(0);
    await saveAgentCount(a.db, 'incident-2', 12.6);
    expect(await loadAgentCount(a.db, 'incident-2')).toBe(13);
  });
});
