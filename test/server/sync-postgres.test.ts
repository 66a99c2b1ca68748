import { describe } from 'vitest';
import { openDatabase } from '../../server/index';
import { defineSyncContract } from './contract';
import { PG_SKIP_MESSAGE, findPostgresBin, startPostgres } from './pg-cluster';

const bin = findPostgresBin();
if (!bin) console.log(PG_SKIP_MESSAGE);

describe.skipIf(!bin)('sync contract on PostgreSQL (throwaway cluster)', () => {
  defineSyncContract(async () => {
    const cluster = await startPostgres(bin ?? '');
    const db = await openDatabase({ databaseUrl: cluster.url });
    return {
      db,
      cleanup: async () => {
        await db.close();
        await cluster.stop();
      },
    };
  });
});
