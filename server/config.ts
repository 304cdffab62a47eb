/** Server configuration from the environment, validated once at start. */
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { roomNameSchema } from '../src/protocol/feed-wire.js';
import type { DatabaseLocation } from './store/database.js';
import { DEFAULT_LIVE_LIMITS, type LiveLimits } from './store/live-state.js';
import { fileIdSchema } from '../src/protocol/ids';
import { parseAllowedOrigins } from './http/origin-policy';

const randomToken = (): string => randomBytes(18).toString('base64url');

const cityIdSchema = fileIdSchema('a city id');

const envSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  CITY: cityIdSchema.default('shanghai-bund'),
  TILES_DIR: z.string().min(1).default('tiles'),
  DIST_DIR: z.string().min(1).default('dist'),
  /** Sim time a room's clock starts at (ISO 8601); default: the start of the city's recordings, or now when live. */
  CLOCK_START: z.iso.datetime({ offset: true }).optional(),
  /** Without CLOCK_START: the local hour (0–23, city zone) of the recordings' first day a room's clock opens at. */
  CLOCK_START_HOUR: z.coerce.number().int().min(0).max(23).default(8),
  /** Sim seconds per real second (negative plays backwards). */
  CLOCK_RATE: z.coerce.number().min(-60).max(3600).default(1),
  /** Recording folders to replay, comma-separated; default tiles/recordings/<city>/{demo,weather,traffic} where present; "none" for live only. */
  RECORDINGS: z.string().optional(),
  /** Tokens of the operator and planner roles and of POST /ingest; a random one is made (and logged) for each left unset. */
  OPERATOR_TOKEN: z.string().min(8).optional(),
  PLANNER_TOKEN: z.string().min(8).optional(),
  INGEST_TOKEN: z.string().min(8).optional(),
  /** When set, POST /open311/v2/requests.json needs this api_key. */
  OPEN311_API_KEY: z.string().min(1).optional(),
  /** An MQTT broker to take live entities from, e.g. mqtt://127.0.0.1:1883, and its topic. */
  MQTT_URL: z
    .string()
    .regex(/^mqtts?:\/\//, 'an mqtt:// or mqtts:// URL')
    .optional(),
  MQTT_TOPIC: z.string().min(1).optional(),
  /** Where the planner's what-if recordings go; default DATA_DIR/scenarios (scenarios and results are in the database). */
  SCENARIOS_DIR: z.string().min(1).optional(),
  /** The folder of what must last (the embedded database, the planner's recordings); never inside TILES_DIR, which is served. */
  DATA_DIR: z.string().min(1).default('data'),
  /** A PostgreSQL server (postgresql://user@host:port/db) to keep what must last in, instead of the embedded database. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a postgresql:// URL')
    .optional(),
  /** How often (ms) the hub re-broadcasts the clock so late drift stays small. */
  CLOCK_SYNC_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /** The halls: rooms open from the start that walls and kiosks join, comma-separated (operators and planners open others). */
  HALLS: z
    .string()
    .default('main')
    .transform((list) => list.split(',').map((name) => name.trim()))
    .pipe(
      z
        .array(roomNameSchema)
        .min(1)
        .max(16, 'at most 16 halls, so operators and planners can still open rooms under the cap of 32')
        .refine((names) => new Set(names).size === names.length, 'a hall is named twice'),
    ),
  /** How long (ms) an empty room that is not a hall lives on before it is released. */
  ROOM_GRACE_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  /** How large the live world may grow: entities besides requests, requests shown, closed ones among them (docs/storage.md). */
  LIVE_MAX_ENTITIES: z.coerce.number().int().min(1).max(100_000).default(DEFAULT_LIVE_LIMITS.maxEntities),
  LIVE_MAX_REQUESTS: z.coerce.number().int().min(1).max(10_000).default(DEFAULT_LIVE_LIMITS.requests.max),
  LIVE_MAX_CLOSED_REQUESTS: z.coerce.number().int().min(0).max(10_000).default(DEFAULT_LIVE_LIMITS.requests.maxClosed),
  /** Origins besides the server's own whose pages may post, open a socket and read Open311, comma-separated (https://hall.example.org); default none. */
  ALLOWED_ORIGINS: z
    .string()
    .optional()
    .transform((text, context) => {
      try {
        return parseAllowedOrigins(text);
      } catch (error) {
        context.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Validated server configuration. */
export interface ServerConfig {
  host: string;
  port: number;
  defaultCity: string;
  tilesDir: string;
  distDir: string;
  /** Undefined: the start of the recordings (or now, live). */
  clockStartMs: number | undefined;
  /** Without a clock start: the local hour of the recordings' first day to open at. */
  clockStartHour: number;
  clockRate: number;
  /** Recording folders; undefined means the city's default ones. */
  recordings: string[] | undefined;
  tokens: { operator: string; planner: string; ingest: string };
  /** Which tokens were generated at start (to log them once, for the exhibition staff). */
  generatedTokens: string[];
  open311ApiKey: string | undefined;
  mqtt: { url: string; topic: string } | undefined;
  /** The what-if recordings' folder, resolved (DATA_DIR/scenarios unless SCENARIOS_DIR says). */
  scenariosDir: string;
  clockSyncMs: number;
  /** The folder of what must last, resolved. */
  dataDir: string;
  /** Where the database is: the embedded one in dataDir, or a server. */
  database: DatabaseLocation;
  /** Rooms open from the start (HALLS). */
  halls: string[];
  roomGraceMs: number;
  /** LIVE_MAX_*. */
  liveLimits: LiveLimits;
  /** Origins besides the server's own that may call it from a page. */
  allowedOrigins: string[];
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
}

/** Parses the environment; throws a readable error listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const tilesDir = path.resolve(cwd, e.TILES_DIR);
  const dataDir = path.resolve(cwd, e.DATA_DIR);
  const scenariosDir = e.SCENARIOS_DIR === undefined ? path.join(dataDir, 'scenarios') : path.resolve(cwd, e.SCENARIOS_DIR);
  const served = (dir: string) => {
    const inside = path.relative(tilesDir, dir);
    return inside === '' || (!inside.startsWith('..') && !path.isAbsolute(inside));
  };
  const outside = [served(dataDir) && 'DATA_DIR', served(scenariosDir) && 'SCENARIOS_DIR'].filter((name) => name !== false);
  if (outside.length > 0) throw new Error(`invalid configuration:\n${outside.map((name) => `  ${name}: must lie outside TILES_DIR, whose files are served`).join('\n')}`);
  return {
    host: e.HOST,
    port: e.PORT,
    defaultCity: e.CITY,
    tilesDir,
    distDir: path.resolve(cwd, e.DIST_DIR),
    clockStartMs: e.CLOCK_START ? Date.parse(e.CLOCK_START) : undefined,
    clockStartHour: e.CLOCK_START_HOUR,
    clockRate: e.CLOCK_RATE,
    recordings: e.RECORDINGS === undefined ? undefined : e.RECORDINGS === 'none' ? [] : e.RECORDINGS.split(',').map((dir) => path.resolve(cwd, dir.trim())),
    tokens: { operator: e.OPERATOR_TOKEN ?? randomToken(), planner: e.PLANNER_TOKEN ?? randomToken(), ingest: e.INGEST_TOKEN ?? randomToken() },
    generatedTokens: (['OPERATOR_TOKEN', 'PLANNER_TOKEN', 'INGEST_TOKEN'] as const).filter((name) => e[name] === undefined),
    open311ApiKey: e.OPEN311_API_KEY,
    mqtt: e.MQTT_URL ? { url: e.MQTT_URL, topic: e.MQTT_TOPIC ?? `sandtable/${e.CITY}/ingest` } : undefined,
    scenariosDir,
    clockSyncMs: e.CLOCK_SYNC_MS,
    dataDir,
    database: e.DATABASE_URL ? { url: e.DATABASE_URL } : { dataDir },
    halls: e.HALLS,
    roomGraceMs: e.ROOM_GRACE_MS,
    liveLimits: { maxEntities: e.LIVE_MAX_ENTITIES, requests: { max: e.LIVE_MAX_REQUESTS, maxClosed: Math.min(e.LIVE_MAX_CLOSED_REQUESTS, e.LIVE_MAX_REQUESTS) } },
    allowedOrigins: e.ALLOWED_ORIGINS,
    logLevel: e.LOG_LEVEL,
  };
}

/** The feed part of the application's dependencies, from the configuration. */
export function feedOptions(config: ServerConfig) {
  return {
    tokens: config.tokens,
    rate: config.clockRate,
    startHour: config.clockStartHour,
    clockSyncMs: config.clockSyncMs,
    halls: config.halls,
    roomGraceMs: config.roomGraceMs,
    liveLimits: config.liveLimits,
    recordings: config.recordings,
    ...(config.clockStartMs !== undefined ? { startMs: config.clockStartMs } : {}),
    ...(config.open311ApiKey ? { open311ApiKey: config.open311ApiKey } : {}),
    ...(config.mqtt ? { mqtt: config.mqtt } : {}),
    scenariosDir: config.scenariosDir,
  };
}
