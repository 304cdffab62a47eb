/**
 * What must last lives in PostgreSQL: embedded (PGlite, a data folder on this machine) by default, a
 * real server through `pg` when a URL is given. Both answer the same SQL with `$n` parameters, and a
 * write the caller awaited has been committed (and so survives a kill -9) when its promise resolves.
 */
import type { Logger } from '../logger.js';
import { openEmbeddedDatabase } from './embedded-database.js';
import { migrate, MIGRATIONS_DIR } from './migrations.js';
import { openServerDatabase } from './server-database.js';

/** One row as the database returns it: bigint columns come back as numbers, jsonb as values. */
export type Row = Record<string, unknown>;

/** Something SQL can be sent to: the database, or one transaction of it. */
export interface Queryable {
  /** Runs one statement with `$1…` parameters; resolves once it has run (committed, outside a transaction). */
  query<R extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** Runs a script of several statements without parameters (a migration). */
  exec(sql: string): Promise<void>;
}

/** The application's database. */
export interface Database extends Queryable {
  /** Which engine: 'embedded' (PGlite) or 'server' (a PostgreSQL server). */
  readonly engine: 'embedded' | 'server';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Closes the database; later queries fail. */
  close(): Promise<void>;
}

/** Where the database is: a data folder for the embedded engine, or a server's connection URL. */
export type DatabaseLocation = { dataDir: string } | { url: string };

/**
 * The database could not take a write or a read: disk full, a read-only or unwritable data folder, a
 * server gone. Its message is safe to show a client (no paths, no SQL); the cause is logged.
 */
export class StoreUnavailableError extends Error {
  /** How HTTP says it (the framework's error handlers read it): try again later. */
  readonly statusCode = 503;
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'StoreUnavailableError';
  }
}

// SQLSTATEs and errno codes that mean "the storage cannot take this now", not "the statement is wrong".
const UNAVAILABLE_SQLSTATES: Record<string, string> = {
  '53100': 'the database disk is full',
  '53200': 'the database is out of memory',
  '25006': 'the database is read-only',
  '57P01': 'the database server is shutting down',
  '57P03': 'the database server is starting up',
  '08000': 'the database connection was lost',
  '08003': 'the database connection was lost',
  '08006': 'the database connection was lost',
  '58030': 'the database could not write to its disk',
};
const UNAVAILABLE_ERRNOS: Record<string, string> = {
  ENOSPC: 'the database disk is full',
  EDQUOT: 'the database disk quota is used up',
  EROFS: 'the data folder is on a read-only file system',
  EACCES: 'the data folder is not writable',
  EPERM: 'the data folder is not writable',
  EIO: 'the database could not write to its disk',
  ECONNREFUSED: 'the database server does not answer',
  ECONNRESET: 'the database connection was lost',
  ETIMEDOUT: 'the database server does not answer',
};

/** The client-safe reason a storage error means the store is unavailable, or null for any other error. */
export function unavailableReason(error: unknown): string | null {
  if (error instanceof StoreUnavailableError) return error.message;
  if (typeof error !== 'object' || error === null) return null;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    const reason = UNAVAILABLE_SQLSTATES[code] ?? UNAVAILABLE_ERRNOS[code];
    if (reason) return reason;
  }
  // PGlite reports a failed write of its virtual file system as an Emscripten error without a code.
  if (typeof message === 'string' && /No space left on device|ENOSPC/i.test(message)) return 'the database disk is full';
  if (typeof message === 'string' && /read-only file system|EROFS/i.test(message)) return 'the data folder is on a read-only file system';
  return null;
}

/** Turns a storage failure into a StoreUnavailableError (logging the cause) and passes any other error on. */
export function asStoreError(error: unknown, logger: Logger, what: string): Error {
  const reason = unavailableReason(error);
  logger.error({ err: error }, `${what} failed`);
  if (reason) return error instanceof StoreUnavailableError ? error : new StoreUnavailableError(`${reason}; nothing was stored`, error);
  return error instanceof Error ? error : new Error(String(error));
}

/** Opens the database at `location` and brings its schema up to date (migrations.ts). */
export async function openDatabase(location: DatabaseLocation, logger: Logger, migrationsDir?: string): Promise<Database> {
  const database = 'url' in location ? await openServerDatabase(location.url) : await openEmbeddedDatabase(location.dataDir);
  try {
    const applied = await migrate(database, migrationsDir ?? MIGRATIONS_DIR);
    logger.info({ engine: database.engine, applied: applied.map((m) => m.name) }, 'database ready');
    return database;
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}
