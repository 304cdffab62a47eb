import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { onBothEngines } from '../../tests/support/both-engines';
import { createLogger } from '../logger';
import { openDatabase, StoreUnavailableError, unavailableReason, type DatabaseLocation } from './database';
import { migrate } from './migrations';

const logger = createLogger('silent');

async function migrationsDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sandtable-migrations-'));
  for (const [name, sql] of Object.entries(files)) await writeFile(path.join(dir, name), sql);
  return dir;
}

const FIRST = { '0001-notes.sql': 'create table notes (id text primary key, body jsonb not null, at_ms bigint not null);\ncreate index notes_at on notes (at_ms);' };

/** The same behaviour on both engines. */
function engineContract(name: string, location: () => Promise<DatabaseLocation>) {
  // Opening PGlite takes seconds on a busy machine.
  describe(name, { timeout: 30_000 }, () => {
    let where: DatabaseLocation;
    let migrations: string;
    beforeAll(async () => {
      where = await location();
      migrations = await migrationsDir(FIRST);
    });

    it('migrates once, keeps what was committed across a reopen, and types bigint and jsonb alike', async () => {
      const db = await openDatabase(where, logger, migrations);
      await db.query('insert into notes (id, body, at_ms) values ($1, $2, $3)', ['a', JSON.stringify({ hello: '你好' }), 1_402_502_400_000]);
      await db.close();
      const again = await openDatabase(where, logger, migrations);
      expect(await again.query('select id, body, at_ms from notes')).toEqual([{ id: 'a', body: { hello: '你好' }, at_ms: 1_402_502_400_000 }]);
      expect(await again.query('select version, name from schema_migrations')).toEqual([{ version: 1, name: '0001-notes.sql' }]);
      await again.close();
    });

    it('rolls a failed transaction back whole', async () => {
      const db = await openDatabase(where, logger, migrations);
      await expect(
        db.transaction(async (tx) => {
          await tx.query('insert into notes (id, body, at_ms) values ($1, $2, $3)', ['b', '{}', 1]);
          await tx.query('insert into notes (id, body, at_ms) values ($1, $2, $3)', ['a', '{}', 1]); // duplicate key
        }),
      ).rejects.toThrow(/duplicate key/);
      expect(await db.query('select id from notes order by id')).toEqual([{ id: 'a' }]);
      await db.close();
    });

    it('applies a new migration, and refuses a changed one or a database newer than the code', async () => {
      const second = await migrationsDir({ ...FIRST, '0002-tags.sql': 'alter table notes add column tag text;' });
      const db = await openDatabase(where, logger, second);
      expect(await db.query('select version from schema_migrations order by version')).toEqual([{ version: 1 }, { version: 2 }]);
      await expect(migrate(db, migrations)).rejects.toThrow(/schema version 2, newer than this server knows \(1\)/);
      const changed = await migrationsDir({ '0001-notes.sql': 'create table notes (id text);', '0002-tags.sql': 'alter table notes add column tag text;' });
      await expect(migrate(db, changed)).rejects.toThrow(/0001-notes.sql was changed after it was applied/);
      await db.close();
    });
  });
}

onBothEngines('the store', engineContract);

describe('opening', () => {
  it('says plainly when DATA_DIR is a file, not a folder', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sandtable-data-'));
    const file = path.join(dir, 'not-a-folder');
    await writeFile(file, 'x');
    await expect(openDatabase({ dataDir: file }, logger)).rejects.toThrow(/DATA_DIR \(.*not-a-folder\) cannot hold the database: it is not a folder/);
    await rm(dir, { recursive: true });
  });

  it('says plainly when the server cannot be reached', async () => {
    await expect(openDatabase({ url: 'postgresql://nobody@127.0.0.1:1/none' }, logger)).rejects.toThrow(/could not be reached/);
  });

  it('refuses a misnamed migration file', async () => {
    const dir = await migrationsDir({ '1-bad.sql': 'select 1;' });
    const data = await mkdtemp(path.join(os.tmpdir(), 'sandtable-data-'));
    await expect(openDatabase({ dataDir: data }, logger, dir)).rejects.toThrow(/not named NNNN-lower-case-words.sql/);
  });
});

describe('unavailableReason', () => {
  it('names storage failures without paths and leaves statement errors alone', () => {
    expect(unavailableReason({ code: '53100', message: 'could not extend file "base/5/16384": No space left on device' })).toBe('the database disk is full');
    expect(unavailableReason({ code: 'ENOSPC' })).toBe('the database disk is full');
    expect(unavailableReason(new Error('No space left on device'))).toBe('the database disk is full');
    expect(unavailableReason(new StoreUnavailableError('the database is read-only'))).toBe('the database is read-only');
    expect(unavailableReason({ code: '23505', message: 'duplicate key' })).toBeNull();
  });
});
