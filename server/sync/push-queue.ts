import type { PushRequest, PushResponse } from '@shared/sync/protocol';
import type { DeviceIdentity } from '../auth';
import type { Database } from '../db/database';
import { ApiHttpError } from '../errors';
import { applyPushes, type ApplyHooks, type PushOutcome } from './apply';
import { preparePush, type PreparedPush } from './prepare';

interface Waiting {
  push: PreparedPush;
  resolve(response: PushResponse): void;
  reject(error: unknown): void;
}

/** Enough to amortise a transaction; small enough that one group's statement stays a few milliseconds. */
export const MAX_GROUP_PUSHES = 32;
export const MAX_GROUP_MUTATIONS = 2_000;

/**
 * Group commit for pushes. At most `concurrency` push transactions run at once (PGlite: 1, it is one connection;
 * PostgreSQL: the pool size). A push that arrives while all of them are busy waits, and the next free slot takes
 * every waiting push it can — first come, first served, one per device — into ONE transaction (applyPushes). At low
 * load nothing waits and each push is its own transaction; under load, the fixed cost of a transaction (round
 * trips, planning, commit) is paid once per group instead of once per push, and waiting is strictly in arrival
 * order. Each push still commits or rolls back whole, and each gets its own answer; if a group's transaction fails
 * for a reason that is not one push's own (a bug, a lost connection), its pushes are retried one by one, so one
 * bad push cannot fail the others.
 */
export class PushQueue {
  private readonly waiting: Waiting[] = [];
  private running = 0;

  constructor(
    private readonly db: Database,
    private readonly hooks: ApplyHooks,
    private readonly concurrency: number,
  ) {}

  /** No push running or waiting. */
  get idle(): boolean {
    return this.running === 0 && this.waiting.length === 0;
  }

  /** Validates (envelope errors throw at once, before queueing) and applies one push. */
  push(device: DeviceIdentity, request: PushRequest): Promise<PushResponse> {
    const push = preparePush(device, request);
    return new Promise((resolve, reject) => {
      this.waiting.push({ push, resolve, reject });
      this.drain();
    });
  }

  private drain(): void {
    while (this.running < this.concurrency && this.waiting.length > 0) {
      const group = this.takeGroup();
      this.running++;
      void this.run(group).finally(() => {
        this.running--;
        this.drain();
      });
    }
  }

  /** The oldest waiting pushes, skipping (for a later group) a second push of a device already in this one. */
  private takeGroup(): Waiting[] {
    const group: Waiting[] = [];
    const devices = new Set<string>();
    let mutations = 0;
    for (let i = 0; i < this.waiting.length && group.length < MAX_GROUP_PUSHES;) {
      const next = this.waiting[i];
      const size = next?.push.count ?? 0;
      if (!next || devices.has(next.push.device.deviceId)) {
        i++;
        continue;
      }
      if (group.length > 0 && mutations + size > MAX_GROUP_MUTATIONS) break;
      devices.add(next.push.device.deviceId);
      mutations += size;
      group.push(next);
      this.waiting.splice(i, 1);
    }
    return group;
  }

  private async run(group: Waiting[]): Promise<void> {
    let outcomes: PushOutcome[];
    try {
      outcomes = await applyPushes(
        this.db,
        group.map((w) => w.push),
        this.hooks,
      );
    } catch (error) {
      if (group.length === 1) return group[0]?.reject(error);
      for (const one of group) await this.run([one]);
      return;
    }
    group.forEach((waiter, index) => {
      const outcome = outcomes[index];
      if (!outcome) waiter.reject(new Error('the push transaction gave no answer for this push'));
      else if ('response' in outcome) waiter.resolve(outcome.response);
      else {
        const { statusCode, code, message } = outcome.refused;
        const ackedSeq = outcome.refused.code === 'seq_gap' ? outcome.refused.ackedSeq : undefined;
        waiter.reject(new ApiHttpError(statusCode, code, message, ackedSeq));
      }
    });
  }
}
