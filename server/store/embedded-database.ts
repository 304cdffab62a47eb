/** The embedded engine: PostgreSQL compiled to WebAssembly (PGlite), its data in a folder of this machine. */
import { randomBytes } from 'node:crypto';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite, types } from '@electric-sql/pglite';
import type { Database, Queryable, Row } from './database.js';

/** The folder inside DATA_DIR that holds the embedded database's files. */
export const EMBEDDED_SUBDIR = 'postgres';

// bigint columns (milliseconds since the epoch) as numbers, as the server engine gives them.
const parsers = { [types.INT8]: (value: string) => Number(value) };

/**
 * Checks that `dataDir` is a folder this process can write, creating it if need be: PGlite itself only
 * says "Aborted()" when it cannot, so the reason is found here, in words an operator can act on.
 */
async function checkWritableFolder(dataDir: string): Promise<void> {
  try {
    await mkdir(dataDir, { recursive: true });
    const info = await stat(dataDir);
    if (!info.isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    const probe = path.join(dataDir, `.write-probe-${process.pid}-${randomBytes(4).toString('hex')}`);
    await writeFile(probe, 'ok');
    await rm(probe);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why = code === 'ENOSPC' ? 'its disk is full' : code === 'ENOTDIR' || code === 'EEXIST' ? 'it is not a folder' : code === 'EROFS' ? 'it is on a read-only file system' : 'it is not writable';
    throw new Error(`DATA_DIR (${dataDir}) cannot hold the database: ${why}`, { cause: error });
  }
}

/** Opens (creating if need be) the embedded database under `<dataDir>/postgres`. */
export async function openEmbeddedDatabase(dataDir: string): Promise<Database> {
  await checkWritableFolder(dataDir);
  const folder = path.join(dataDir, EMBEDDED_SUBDIR);
  let pglite: PGlite;
  try {
    // relaxedDurability stays off: a query resolves only once its writes have reached the folder.
    pglite = await PGlite.create(folder, { parsers, relaxedDurability: false });
  } catch (error) {
    throw new Error(`the embedded database in DATA_DIR (${dataDir}) could not be opened; is another server using it?`, { cause: error });
  }
  const on = (target: PGlite | Parameters<Parameters<PGlite['transaction']>[0]>[0]): Queryable => ({
    query: async <R extends Row>(sql: string, params: readonly unknown[] = []) => (await target.query<R>(sql, [...params])).rows,
    exec: async (sql: string) => void (await target.exec(sql)),
  });
  return {
    engine: 'embedded',
    ...on(pglite),
    transaction: (work) => pglite.transaction((tx) => work(on(tx))),
    close: () => pglite.close(),
  };
}
