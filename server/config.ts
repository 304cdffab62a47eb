/** Server configuration from the environment, validated once at start. */
import path from 'node:path';
import { z } from 'zod';

const cityIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a city id is lower-case letters, digits and dashes');

const envSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  CITY: cityIdSchema.default('shanghai-bund'),
  TILES_DIR: z.string().min(1).default('tiles'),
  DIST_DIR: z.string().min(1).default('dist'),
  /** Sim time the clock starts at (ISO 8601); default: now. */
  CLOCK_START: z.iso.datetime({ offset: true }).optional(),
  /** Sim seconds per real second. */
  CLOCK_RATE: z.coerce.number().min(0).max(3600).default(1),
  /** How often (ms) the hub re-broadcasts the clock so late drift stays small. */
  CLOCK_SYNC_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Validated server configuration. */
export interface ServerConfig {
  host: string;
  port: number;
  defaultCity: string;
  tilesDir: string;
  distDir: string;
  clockStartMs: number;
  clockRate: number;
  clockSyncMs: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
}

/** Parses the environment; throws a readable error listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv, cwd = process.cwd(), now = Date.now()): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    host: e.HOST,
    port: e.PORT,
    defaultCity: e.CITY,
    tilesDir: path.resolve(cwd, e.TILES_DIR),
    distDir: path.resolve(cwd, e.DIST_DIR),
    clockStartMs: e.CLOCK_START ? Date.parse(e.CLOCK_START) : now,
    clockRate: e.CLOCK_RATE,
    clockSyncMs: e.CLOCK_SYNC_MS,
    logLevel: e.LOG_LEVEL,
  };
}
