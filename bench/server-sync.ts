/**
 * Central API throughput, printed not asserted: `npx tsx bench/server-sync.ts`.
 * 1. One seat pushes a 50,000-mutation backlog in batches of 500 to a local server.
 * 2. 50 seats of one site push concurrently: push latency p50/p99 and total mutations/s.
 * Runs on PGlite (data directory in a temp folder) and, when its binaries are installed, on a throwaway PostgreSQL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { Mutation } from '@shared/sync/protocol';
import { buildServer, openDatabase, type Database } from '../server/index';
import { ADMIN_TOKEN, Seat, callLog, createSite } from '../test/server/helpers';
import { findPostgresBin, startPostgres } from '../test/server/pg-cluster';

const BACKLOG = 50_000;
const BATCH = 500;
const SEATS = 50;
const SEAT_BATCHES = 8;
const SEAT_BATCH = 50;

function mutations(seat: Seat, count: number): Mutation[] {
  return Array.from({ length: count }, (_, i) =>
    i % 5 === 0
      ? seat.appendEvent(`inc-${i % 7}`, 'note', { text: 'status update' })
      : seat.upsertCall(callLog()),
  );
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function run(label: string, db: Database): Promise<void> {
  const app = await buildServer({
    db,
    adminToken: ADMIN_TOKEN,
    logger: pino({ level: 'silent' }),
    rateLimit: false,
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const site = await createSite(url, `bench-${label}-${Date.now()}`.toLowerCase().slice(0, 32));

    const seat = await Seat.enroll(url, site);
    const backlog = mutations(seat, BACKLOG);
    let started = performance.now();
    for (let i = 0; i < backlog.length; i += BATCH) {
      const reply = await seat.push(backlog.slice(i, i + BATCH));
      if (reply.status !== 200) throw new Error(`push failed: ${reply.status} ${JSON.stringify(reply.body)}`);
    }
    const backlogMs = performance.now() - started;
    console.log(
      `${label.padEnd(10)} backlog   ${BACKLOG} mutations in batches of ${BATCH}: ${(backlogMs / 1000).toFixed(1)} s, ` +
        `${Math.round(BACKLOG / (backlogMs / 1000))} mutations/s`,
    );

    const seats = await Promise.all(
      Array.from({ length: SEATS }, (_, i) => Seat.enroll(url, site, { name: `bench ${i}` })),
    );
    const work = seats.map((s) => mutations(s, SEAT_BATCHES * SEAT_BATCH));
    const latencies: number[] = [];
    started = performance.now();
    await Promise.all(
      seats.map(async (s, index) => {
        const mine = work[index] ?? [];
        for (let i = 0; i < mine.length; i += SEAT_BATCH) {
          const t0 = performance.now();
          const reply = await s.push(mine.slice(i, i + SEAT_BATCH));
          latencies.push(performance.now() - t0);
          if (reply.status !== 200) throw new Error(`push failed: ${reply.status}`);
        }
      }),
    );
    const concurrentMs = performance.now() - started;
    latencies.sort((a, b) => a - b);
    const total = SEATS * SEAT_BATCHES * SEAT_BATCH;
    console.log(
      `${label.padEnd(10)} ${SEATS} seats ${SEAT_BATCHES}×${SEAT_BATCH} each: p50 ${percentile(latencies, 50).toFixed(0)} ms, ` +
        `p99 ${percentile(latencies, 99).toFixed(0)} ms, ${Math.round(total / (concurrentMs / 1000))} mutations/s`,
    );
  } finally {
    await app.close();
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'floorguard-bench-'));
try {
  const lite = await openDatabase({ dataDir });
  await run('pglite', lite);
  await lite.close();
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

const bin = findPostgresBin();
if (!bin) {
  console.log('postgres   skipped: PostgreSQL binaries not found');
} else {
  const cluster = await startPostgres(bin);
  try {
    const pgDb = await openDatabase({ databaseUrl: cluster.url, poolSize: 20 });
    await run('postgres', pgDb);
    await pgDb.close();
  } finally {
    await cluster.stop();
  }
}
