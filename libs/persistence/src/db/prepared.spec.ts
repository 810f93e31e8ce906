import {
  CompiledQuery,
  DatabaseConnection,
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  QueryResult,
} from 'kysely';
import { prepared } from './prepared';
import { unnest } from './unnest';

interface Tables {
  sends: { id: string; status: string; attempts: number };
}

/** A Kysely that compiles for Postgres and answers every query with no rows, keeping what it was asked. */
function recordingDb(): { db: Kysely<Tables>; asked: CompiledQuery[] } {
  const asked: CompiledQuery[] = [];
  const connection: DatabaseConnection = {
    executeQuery: <R>(query: CompiledQuery): Promise<QueryResult<R>> => {
      asked.push(query);
      return Promise.resolve({ rows: [] });
    },
    streamQuery: () => {
      throw new Error('not used');
    },
  };
  class Recording extends DummyDriver {
    override acquireConnection(): Promise<DatabaseConnection> {
      return Promise.resolve(connection);
    }
  }
  const db = new Kysely<Tables>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new Recording(),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  return { db, asked };
}

const markHanded = prepared((db: Kysely<Tables>, v: { ids: string[]; tries: number[] }) =>
  db
    .updateTable('sends')
    .from(unnest('u', { id: { type: 'bigint', values: v.ids }, tries: { type: 'int', values: v.tries } }))
    .set({ status: 'handed' })
    .whereRef('sends.id', '=', 'u.id')
    .where('sends.status', '=', 'claimed'),
);

describe('prepared', () => {
  it('runs the first SQL again with each call’s values, keeping the statement’s constants', async () => {
    const { db, asked } = recordingDb();
    await markHanded(db, { ids: ['1'], tries: [1] });
    await markHanded(db, { ids: ['7', '8'], tries: [2, 3] });
    expect(asked).toHaveLength(2);
    expect(asked[1].sql).toBe(asked[0].sql);
    expect(asked[0].parameters).toEqual(['handed', ['1'], [1], 'claimed']);
    expect(asked[1].parameters).toEqual(['handed', ['7', '8'], [2, 3], 'claimed']);
    // Each run is a query of its own for Kysely's plugins.
    expect(asked[1].queryId).not.toBe(asked[0].queryId);
  });

  it('refuses a statement that does not use every value once', async () => {
    const { db } = recordingDb();
    const twice = prepared((k: Kysely<Tables>, v: { ids: string[] }) =>
      k
        .selectFrom(unnest('a', { id: { type: 'bigint', values: v.ids } }))
        .innerJoin(unnest('b', { id: { type: 'bigint', values: v.ids } }), 'a.id', 'b.id')
        .selectAll(),
    );
    await expect(twice(db, { ids: ['1'] })).rejects.toThrow('value ids is used twice');
    const unused = prepared((k: Kysely<Tables>, _v: { ids: string[] }) => k.selectFrom('sends').selectAll());
    await expect(unused(db, { ids: ['1'] })).rejects.toThrow('values ids are not parameters');
  });
});
