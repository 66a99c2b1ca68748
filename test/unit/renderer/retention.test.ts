import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallLog } from '@shared/calls/schema';
import { defaultPolicy, mergePolicy } from '@shared/policy';
import { FloorguardDb } from '../../../src/renderer/data/db';
import { queueMutations } from '../../../src/renderer/data/outbox';
import { purgeSyncedCalls } from '../../../src/renderer/data/retention';

const NOW = new Date('2026-11-24T02:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();
const dbs: FloorguardDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

function call(id: string, fields: Partial<CallLog>): CallLog {
  return {
    id,
    createdAt: daysAgo(40),
    agent: '王芳',
    callerPhone: '+8613812345678',
    problemType: 'login-failure',
    summary: '登录失败',
    ...fields,
  } as CallLog;
}

describe('retention of synced calls', () => {
  const policy = mergePolicy(defaultPolicy(), { retention: { purgeSyncedAfterDays: 30 } });

  it('removes only finished calls the centre acknowledged long ago, with nothing pending', async () => {
    const db = new FloorguardDb(`test-${crypto.randomUUID()}`);
    dbs.push(db);
    await db.calls.bulkPut([
      call('done-old', { status: 'entered-in-crm', syncedAt: daysAgo(35) }),
      call('closed-old', { status: 'closed', syncedAt: daysAgo(31) }),
      call('never-synced', { status: 'closed' }),
      call('synced-recently', { status: 'closed', syncedAt: daysAgo(2) }),
      call('callback-owed', { status: 'callback-due', syncedAt: daysAgo(35) }),
      call('edited-again', { status: 'closed', syncedAt: daysAgo(35) }),
      call('new', { createdAt: daysAgo(1), status: 'closed', syncedAt: daysAgo(1) }),
    ]);
    await db.transaction('rw', [db.outbox, db.meta, db.seqClaims], () =>
      queueMutations(db, [
        {
          id: 'm1',
          entity: 'call',
          entityId: 'edited-again',
          op: 'upsert',
          data: {},
          hlc: '000001764000000000-0000-a',
          createdAt: NOW.toISOString(),
        },
      ]),
    );
    expect((await purgeSyncedCalls(db, policy, NOW)).sort()).toEqual(['closed-old', 'done-old']);
    expect((await db.calls.toCollection().primaryKeys()).sort()).toEqual([
      'callback-owed',
      'edited-again',
      'never-synced',
      'new',
      'synced-recently',
    ]);
  });

  it('keeps everything when the policy does not set a retention (the default)', async () => {
    const db = new FloorguardDb(`test-${crypto.randomUUID()}`);
    dbs.push(db);
    await db.calls.put(call('done-old', { status: 'closed', syncedAt: daysAgo(400) }));
    expect(await purgeSyncedCalls(db, defaultPolicy(), NOW)).toEqual([]);
    expect(await db.calls.count()).toBe(1);
  });
});
