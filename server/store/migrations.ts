/**
 * Versioned schema migrations, run at start: `migrations/NNNN-what.sql`, applied in order in one
 * transaction (a failure leaves the schema as it was) and recorded with a checksum. A migration once applied never changes (the
 * checksum says if it did), and a database newer than this code is refused rather than guessed at.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from './database.js';

/** The project's migrations. */
export const MIGRATIONS_DIR = path.join(import.meta.dirname, 'migrations');

/** One migration file. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

const FILE_PATTERN = /^(\d{4})-([a-z0-9-]+)\.sql$/;

/** The migrations in `dir`, in version order; throws on a misnamed file or a repeated version. */
export async function readMigrations(dir: string): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = FILE_PATTERN.exec(file);
    if (!match) throw new Error(`migration file '${file}' is not named NNNN-lower-case-words.sql`);
    const version = Number(match[1]);
    if (migrations.some((m) => m.version === version)) throw new Error(`two migrations have version ${version}`);
    const sql = await readFile(path.join(dir, file), 'utf8');
    migrations.push({ version, name: file, sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  return migrations;
}

/** Brings the database to the newest migration in `dir`; returns those it applied now. */
export async function migrate(database: Database, dir: string): Promise<Migration[]> {
  const migrations = await readMigrations(dir);
  await database.query(`create table if not exists schema_migrations (
    version integer primary key,
    name text not null,
    checksum text not null,
    applied_at timestamptz not null default now()
  )`);
  return database.transaction(async (tx) => {
    // Two servers starting on one PostgreSQL server: the second waits here, then finds nothing to do.
    if (database.engine === 'server') await tx.query('select pg_advisory_xact_lock(73112026)');
    const applied = new Map((await tx.query<{ version: number; name: string; checksum: string }>('select version, name, checksum from schema_migrations')).map((row) => [row.version, row]));
    const newest = Math.max(0, ...applied.keys());
    const known = Math.max(0, ...migrations.map((m) => m.version));
    if (newest > known) throw new Error(`the database has schema version ${newest}, newer than this server knows (${known}); run a newer server or another database`);
    const done: Migration[] = [];
    for (const migration of migrations) {
      const before = applied.get(migration.version);
      if (before) {
        if (before.checksum !== migration.checksum) throw new Error(`migration ${migration.name} was changed after it was applied (as ${before.name}); add a new migration instead`);
        continue;
      }
      await tx.exec(migration.sql);
      await tx.query('insert into schema_migrations (version, name, checksum) values ($1, $2, $3)', [migration.version, migration.name, migration.checksum]);
      done.push(migration);
    }
    return done;
  });
}
