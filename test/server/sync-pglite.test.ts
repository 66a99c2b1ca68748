import { describe } from 'vitest';
import { openDatabase } from '../../server/index';
import { defineSyncContract } from './contract';

describe('sync contract on embedded PostgreSQL (PGlite, in memory)', () => {
  defineSyncContract(async () => {
    const db = await openDatabase();
    return { db, cleanup: () => db.close() };
  });
});
