import { afterAll, beforeAll, expect, it } from 'vitest';
import { openPgliteThread } from '../../server/db/pglite-thread';
import { sqlState, type Database } from '../../server/db/database';
import { TextPieces, utf8 } from '../../server/db/text-pieces';

/**
 * Inside transactions the PGlite thread runs parameterised statements as named prepared statements (parsed once,
 * then only bound and executed): the answers, the types and the errors must be those of an ordinary query.
 */
let db: Database;
beforeAll(async () => {
  db = await openPgliteThread(undefined);
  await db.query(`CREATE TABLE t (id bigint PRIMARY KEY, doc jsonb, note text)`);
});
afterAll(async () => {
  await db?.close();
});

const insert = `INSERT INTO t (id, doc, note) SELECT x.id, x.doc, $2 FROM jsonb_to_recordset($1::jsonb)
  AS x(id bigint, doc jsonb) RETURNING id, doc, note`;

it('a statement run again and again in transactions answers each time with its own parameters', async () => {
  for (let round = 1; round <= 8; round++) {
    const rows = await db.transaction((tx) =>
      tx.query(insert, [
        JSON.stringify([{ id: round, doc: { round, text: '王芳 ✓' } }]),
        round % 2 ? null : 'even',
      ]),
    );
    expect(rows).toEqual([{ id: round, doc: { round, text: '王芳 ✓' }, note: round % 2 ? null : 'even' }]);
  }
  const outside = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM t WHERE id <= $1', [8]);
  expect(outside).toEqual([{ n: 8 }]);
  // Parameters of every size and script arrive intact: empty, multi-byte, far larger than any buffer step.
  const big = '紧急 call — '.repeat(20_000);
  const rows = await db.transaction((tx) =>
    tx.query(insert, [
      JSON.stringify([
        { id: 9, doc: { big } },
        { id: 10, doc: {} },
      ]),
      '',
    ]),
  );
  expect(rows).toEqual([
    { id: 9, doc: { big }, note: '' },
    { id: 10, doc: {}, note: '' },
  ]);
  // Parsed once for all these transactions.
  const statements = await db.query(`SELECT name FROM pg_prepared_statements WHERE statement = $1`, [insert]);
  expect(statements).toHaveLength(1);
});

it('an error keeps its SQLSTATE and rolls the whole transaction back', async () => {
  const failing = db.transaction(async (tx) => {
    await tx.query(insert, [JSON.stringify([{ id: 100, doc: {} }]), 'kept?']);
    await tx.query(insert, [JSON.stringify([{ id: 100, doc: {} }]), 'duplicate']);
  });
  await expect(failing).rejects.toThrow(/duplicate key/);
  expect(sqlState(await failing.catch((error: unknown) => error))).toBe('23505');
  expect(await db.query('SELECT id FROM t WHERE id = $1', [100])).toEqual([]);
  // A statement that cannot be parsed is an error too, and the thread goes on.
  await expect(db.transaction((tx) => tx.query('SELEC $1', [1]))).rejects.toThrow(/syntax error/);
  expect(await db.transaction((tx) => tx.query('SELECT $1::int + 1 AS n', [41]))).toEqual([{ n: 42 }]);
});

it('a parameter given as UTF-8 pieces is the text they make together, in a transaction and outside one', async () => {
  const docs = [
    { id: 201, doc: { text: '王芳 紧急' } },
    { id: 202, doc: { text: 'x'.repeat(70_000) } },
  ];
  const whole = utf8(JSON.stringify(docs));
  // Cut anywhere, even inside a character: the pieces are bytes, joined as they are.
  const cut = Buffer.from(whole).indexOf('王') + 1;
  const pieces = new TextPieces([
    whole.subarray(0, cut),
    whole.subarray(cut, cut + 1),
    whole.subarray(cut + 1),
  ]);
  const inside = await db.transaction((tx) => tx.query(insert, [pieces, '片']));
  expect(inside).toEqual(docs.map((d) => ({ ...d, note: '片' })));
  const outside = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM jsonb_array_elements($1::jsonb) AS x WHERE x->'doc'->>'text' LIKE '王芳%'`,
    [pieces],
  );
  expect(outside).toEqual([{ n: 1 }]);
});
