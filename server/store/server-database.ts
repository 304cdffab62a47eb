/** The server engine: a PostgreSQL server reached through `pg`, for a hall that runs its own database. */
import pg from 'pg';
import type { Database, Queryable, Row } from './database.js';

// bigint columns (milliseconds since the epoch) as numbers, as the embedded engine gives them.
const typeParsers = { getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === pg.types.builtins.INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) };

/** Connects to the server at `url` (postgresql://…) and checks it answers. */
export async function openServerDatabase(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 5, types: typeParsers, connectionTimeoutMillis: 10_000 });
  // An idle client's error (the server restarted) must not throw out of the process; the next query reconnects.
  pool.on('error', () => undefined);
  try {
    await pool.query('select 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new Error(`the PostgreSQL server of DATABASE_URL could not be reached: ${(error as Error).message}`, { cause: error });
  }
  const on = (target: pg.Pool | pg.PoolClient): Queryable => ({
    query: async <R extends Row>(sql: string, params: readonly unknown[] = []) => (await target.query<R>(sql, [...params])).rows,
    // Without parameters pg uses the simple protocol, which takes several statements.
    exec: async (sql: string) => void (await target.query(sql)),
  });
  return {
    engine: 'server',
    ...on(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work(on(client));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
