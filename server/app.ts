/**
 * The composition root: the one place that wires the server. On a given HTTP server it puts the
 * socket.io hub and the HTTP app, opens the city's sources, attaches the rooms and the planner,
 * starts MQTT, and lists every HTTP route in one table. Nothing else wires.
 */
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { FastifyReply, RouteHandlerMethod } from 'fastify';
import { loadCityPack, type CityPack } from './city/city-pack.js';
import type { CityClock } from './clock/city-clock.js';
import { defaultClockStart } from './clock/default-start.js';
import { RoomClocks } from './clock/room-clocks.js';
import { attachFeed, roomWeatherOf } from './feed/feed-hub.js';
import { FeedMetrics } from './feed/metrics.js';
import { DEFAULT_ROOM, roomViews } from './feed/room-views.js';
import { createHttpApp } from './http/http-app.js';
import type { HttpRoute } from './http/http-route.js';
import { assetHandler, frontEndFiles, PAGES, pageHandler } from './http/front-end.js';
import { requireBearerToken } from './http/bearer-token.js';
import { PACK_PREFIX, packFileHandler, packFiles } from './http/pack-files.js';
import { healthHandler, publicConfigHandler } from './http/public-config.js';
import { onlyGet } from './http/room-query.js';
import { sendStatus } from './http/static-files.js';
import { createHub, type HubServer } from './hub/hub.js';
import type { BudgetOverrides } from './hub/socket-budget.js';
import { ingestEndpoint, ingestHandler } from './ingest/http-ingest.js';
import { startMqttIngest } from './ingest/mqtt-ingest.js';
import { openDatabase, type Database, type DatabaseLocation } from './store/database.js';
import { LiveState, type LiveLimits } from './store/live-state.js';
import type { Logger } from './logger.js';
import { sharedChunkDecoders } from './recording/chunk-decoders.js';
import { loadAddressLocator, type AddressLocator } from './open311/address-locator.js';
import { createOpen311Handler, OPEN311_POST_LIMIT, OPEN311_READ_LIMIT, OPEN311_READ_METHODS, open311Endpoint } from './open311/open311-routes.js';
import { attachPlanner } from './planner/planner-hub.js';
import { roomSourceFactory } from './planner/room-sources.js';
import { defaultRecordings, openCitySources, type CitySources } from './sources/city-sources.js';
import { DEFAULT_START, localHourOf } from './traffic/build-traffic.js';
import { createRouteGraph } from './traffic/route-service.js';
import { createRouteHandler } from './traffic/route-routes.js';
import { DEFAULT_SEED, DEFAULT_TRIPS } from './traffic/traffic-defaults.js';
import { loadTrafficCity, type TrafficCity } from './traffic/traffic-city.js';
import { createOutlookHandler } from './weather/outlook.js';

/** How the city's feed runs: tokens, clock, live inputs; recordings default to the city's own. */
export interface FeedConfig {
  tokens: { operator: string; planner: string; ingest: string };
  /** Recording folders to replay together, the first setting the span; empty for live only. */
  recordings?: string[] | undefined;
  open311ApiKey?: string;
  mqtt?: { url: string; topic: string };
  /** Where the planner's what-if recordings go (default: `scenarios` in the embedded database's data folder); scenarios and results are in the database. */
  scenariosDir?: string;
  rate: number;
  /** Where rooms' clocks start; default `startHour`:00 local of the first recording's first day. */
  startMs?: number;
  /** The local hour (city zone) rooms open at when no start is given (default 8). */
  startHour?: number;
  tickMs?: number;
  clockSyncMs?: number;
  /** How large the live world may grow (default DEFAULT_LIVE_LIMITS). */
  liveLimits?: LiveLimits;
  /** Rooms open from the start that walls and kiosks join (default: main); staff open others, released once empty. */
  halls?: readonly string[];
  /** How long (ms) an empty room that is not a hall lives on (default 30 s). */
  roomGraceMs?: number;
  /** Per-socket budgets instead of the table's (a test that floods on purpose). */
  budgets?: BudgetOverrides;
}

/** Dependencies of the application. */
export interface AppDeps {
  logger: Logger;
  tilesDir: string;
  /** Built front end folder; null when a dev server serves pages (then the app answers through `handle` only). */
  distDir: string | null;
  defaultCity: string;
  serverVersion: string;
  feed: FeedConfig;
  /** Where what must last is kept (store/database.ts). */
  database: DatabaseLocation;
  /** Origins besides the server's own whose pages may post, open a socket and read Open311 (ALLOWED_ORIGINS); default none. */
  allowedOrigins?: readonly string[];
}

/** The city as it runs once its pack and recordings are open. */
export interface RunningCity {
  pack: CityPack;
  database: Database;
  /** What arrives live, stored before it is shown. */
  live: LiveState;
  sources: CitySources;
  metrics: FeedMetrics;
  views: ReturnType<typeof roomViews>;
  mqttStats: () => unknown;
  /** Room clock checkpoints written and failed (clock/room-clocks.ts). */
  clockStats: () => unknown;
  close(): Promise<void>;
}

/** A running application. */
export interface Application {
  io: HubServer;
  /** The city, once its recordings and pack are open (rejects if they cannot be). */
  feed: Promise<RunningCity>;
  /** Answers a request with the route table; one no route takes goes on to `next` (the dev server's middleware). */
  handle: (request: IncomingMessage, response: ServerResponse, next: () => void) => void;
  /** Stops timers and closes sockets (not the HTTP server, which the caller owns). */
  close: () => Promise<void>;
}

/** The what-if recordings' folder: as configured, else beside the embedded database (a database server has no folder here to default to). */
function scenariosDirOf(config: FeedConfig, database: DatabaseLocation): string {
  if (config.scenariosDir) return config.scenariosDir;
  if ('dataDir' in database) return join(database.dataDir, 'scenarios');
  throw new Error('the planner needs a folder for its recordings (scenariosDir) when the database is a server');
}

/** Opens the city's pack and sources and attaches rooms, planner and MQTT to the hub. */
async function startCity(io: HubServer, deps: AppDeps, metrics: FeedMetrics): Promise<RunningCity> {
  const { tilesDir, defaultCity: city, feed: config, logger } = deps;
  const scenariosDir = scenariosDirOf(config, deps.database);
  const pack = await loadCityPack(tilesDir, city);
  const database = await openDatabase(deps.database, logger);
  const opened = await Promise.all([openCitySources(config.recordings ?? defaultRecordings(tilesDir, city)), RoomClocks.load(database, logger)]).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  const [sources, clocks] = opened;
  // What arrived live before a restart is back in the live world before any room opens.
  const live = await LiveState.open(database, sources.live, { logger, ...(config.liveLimits ? { limits: config.liveLimits } : {}) }).catch(async (error: unknown) => {
    await sources.close();
    await database.close();
    throw error;
  });
  const { source, replays, trafficIndex } = sources;
  const timeZone = pack.manifest.timeZone;
  // A daytime hour of the demo day unless CLOCK_START says otherwise (live only: now).
  const startMs = config.startMs ?? defaultClockStart(source.span(), timeZone, config.startHour) ?? undefined;
  const feed = attachFeed(io, {
    logger,
    metrics,
    source,
    roomSource: roomSourceFactory(sources, pack.manifest.centre, timeZone),
    origin: pack.manifest.centre,
    tokens: { operator: config.tokens.operator, planner: config.tokens.planner },
    rate: config.rate,
    clocks,
    ...(config.halls ? { halls: config.halls } : {}),
    ...(config.roomGraceMs !== undefined ? { roomGraceMs: config.roomGraceMs } : {}),
    // A released room's scenario recordings are closed with it.
    onRelease: (_name, roomSource) => roomSource.planner.close(),
    ...(startMs !== undefined ? { startMs } : {}),
    ...(config.tickMs !== undefined ? { tickMs: config.tickMs } : {}),
    ...(config.clockSyncMs !== undefined ? { clockSyncMs: config.clockSyncMs } : {}),
  });
  let trafficCity: Promise<TrafficCity> | null = null;
  const baselineTraffic = trafficIndex >= 0 ? replays[trafficIndex]! : null;
  const planner = attachPlanner(io, {
    logger,
    // The planner reaches the rooms through its small interface, adapted here.
    rooms: {
      controls: (name) => feed.rooms.get(name)?.roomSource.planner ?? null,
      emit: feed.emitToRoom,
      resync: feed.resync,
      weather: (name) => roomWeatherOf(feed.rooms.get(name)?.roomSource ?? { source }),
    },
    pack,
    loadCity: () => (trafficCity ??= loadTrafficCity(tilesDir, city)),
    database,
    dir: scenariosDir,
    // As the demo day's traffic was built (npm run traffic -- build: 30 000 trips, seed 1, from local midnight).
    whatIf: { tilesDir, dayStartMs: baselineTraffic?.span().startMs ?? Date.parse(DEFAULT_START), startHour: localHourOf(DEFAULT_START), tripsPerDay: DEFAULT_TRIPS, seed: DEFAULT_SEED },
    baselineTraffic,
    rejected: () => metrics.rejected.add(),
  });
  const mqtt = config.mqtt ? startMqttIngest(config.mqtt, (entities) => live.accept(entities, 'mqtt'), logger) : null;
  const roomClocks = () => [...feed.rooms].map(([name, entry]): [string, CityClock] => [name, entry.room.clock]);
  const stopCheckpoints = clocks.keep(roomClocks);
  return {
    pack,
    database,
    live,
    sources,
    metrics,
    views: roomViews(feed.rooms, source, sources.cityWeather, startMs),
    mqttStats: () => mqtt?.stats ?? null,
    clockStats: () => clocks.stats,
    async close() {
      planner.stop();
      stopCheckpoints();
      await clocks.saveAll(roomClocks());
      // The scenario recordings rooms are set to show.
      await Promise.all([...feed.rooms.values()].map((entry) => entry.roomSource.planner.close()));
      feed.stop();
      await mqtt?.close();
      await live.drain();
      await sources.close();
      await database.close();
    },
  };
}

/** A handler that needs the running city: waits for it, 503 when it could not start; built once per city. */
function fromCity(city: Promise<RunningCity>, build: (running: RunningCity) => RouteHandlerMethod): RouteHandlerMethod {
  let built: Promise<RouteHandlerMethod | null> | null = null;
  return async function (request, reply) {
    const handler = await (built ??= city.then(build, () => null));
    if (!handler) return sendStatus(reply, 503);
    return handler.call(this, request, reply);
  };
}

/** Every HTTP route of the server. */
function routeTable(deps: AppDeps, io: HubServer, city: Promise<RunningCity>, started: () => boolean): HttpRoute[] {
  const { tilesDir, distDir } = deps;
  const packs = packFiles(tilesDir);
  const frontEnd = distDir === null ? null : { dir: distDir, files: frontEndFiles(distDir) };
  const refuse = (reply: FastifyReply) => sendStatus(reply, 405);
  const open311 = fromCity(city, (c) => {
    // The roads' names are read on the first address that needs them.
    let locator: Promise<AddressLocator> | null = null;
    return createOpen311Handler({
      list: async (query) => c.live.list(query, await c.views.serviceRequests()),
      // A stored request first; else one of the replayed recording's (which has no history kept).
      find: async (id, withHistory) => {
        const stored = await c.live.find(id, withHistory);
        if (stored) return stored;
        const replayed = (await c.views.serviceRequests()).find((r) => r.service_request_id === id);
        return replayed ? { request: replayed, ...(withHistory ? { history: [] } : {}) } : null;
      },
      create: async (serviceRequest) => {
        const written = await c.live.accept([serviceRequest], 'open311');
        // Requests are not under the entity cap, so this is a bug if it happens.
        if (!written.ok) throw new Error(written.reason);
        return serviceRequest;
      },
      city: deps.defaultCity,
      bbox: c.pack.manifest.bbox,
      // The hall's instant (live only, with no recording to replay: the present).
      simTime: () => c.views.roomTime(DEFAULT_ROOM) ?? Date.now(),
      locate: async (address) => (await (locator ??= loadAddressLocator(tilesDir, c.pack)))(address),
      ...(deps.feed.open311ApiKey ? { apiKey: deps.feed.open311ApiKey } : {}),
    });
  });
  return [
    { method: 'GET', url: '/healthz', otherMethods: refuse, handler: healthHandler(() => ({ clients: io.engine.clientsCount, feed: started() ? 'running' : 'starting' })) },
    { method: 'GET', url: '/api/config', otherMethods: refuse, handler: publicConfigHandler(deps) },
    { method: 'POST', url: '/ingest', ...ingestEndpoint(deps.feed.tokens.ingest), handler: fromCity(city, (c) => ingestHandler((entities) => c.live.accept(entities, 'ingest'))) },
    {
      method: 'GET',
      url: '/metrics',
      otherMethods: refuse,
      // Clients, rooms and traffic are the staff's to see, not a visitor's.
      onRequest: requireBearerToken(deps.feed.tokens.operator, 'operator'),
      handler: fromCity(
        city,
        (c) => async (_request, reply) => reply.header('cache-control', 'no-store').send({ ...c.metrics.toJSON(), rooms: c.views.report(), mqtt: c.mqttStats(), clockCheckpoints: c.clockStats() }),
      ),
    },
    // Open311: one handler; posts limited apart from, and tighter than, reads (docs/feed.md).
    { method: 'POST', url: '/open311/v2/*', ...open311Endpoint, cors: true, rateLimit: OPEN311_POST_LIMIT, handler: open311 },
    { method: OPEN311_READ_METHODS, url: '/open311/v2/*', ...open311Endpoint, cors: true, rateLimit: OPEN311_READ_LIMIT, handler: open311 },
    {
      method: 'GET',
      url: '/api/route',
      otherMethods: onlyGet,
      handler: fromCity(city, (c) => createRouteHandler({ route: createRouteGraph(c.pack.graph), source: c.sources.source, roomTime: c.views.roomTime })),
    },
    { method: 'GET', url: '/api/weather/outlook', otherMethods: onlyGet, handler: fromCity(city, (c) => createOutlookHandler(c.views)) },
    { method: 'GET', url: `${PACK_PREFIX}*`, files: packs, otherMethods: refuse, handler: packFileHandler(tilesDir) },
    // The built front end (none in dev, where Vite serves it): the pages at their paths, everything else under dist/.
    ...(frontEnd === null
      ? []
      : [
          ...Object.entries(PAGES).map(([url, file]): HttpRoute => ({ method: 'GET', url, files: frontEnd.files, otherMethods: refuse, handler: pageHandler(file) })),
          { method: 'GET', url: '/*', files: frontEnd.files, otherMethods: refuse, handler: assetHandler(frontEnd.dir) } satisfies HttpRoute,
        ]),
  ];
}

/** Builds the application on an HTTP server it does not own. */
export function createApplication(httpServer: HttpServer, deps: AppDeps): Application {
  const metrics = new FeedMetrics();
  let state: 'starting' | 'running' | 'failed' = 'starting';
  const hub = createHub(httpServer, {
    logger: deps.logger,
    defaultCity: deps.defaultCity,
    serverVersion: deps.serverVersion,
    overBudget: (verdict) => metrics.refusedForBudget(verdict),
    feedState: () => state,
    ...(deps.feed.budgets ? { budgets: deps.feed.budgets } : {}),
    allowedOrigins: deps.allowedOrigins ?? [],
  });
  const city = startCity(hub.io, deps, metrics);
  city.then(
    () => (state = 'running'),
    (error: unknown) => {
      state = 'failed';
      deps.logger.error({ err: error }, 'the city feed could not start');
    },
  );
  const started = () => state === 'running';

  const passOn = new WeakMap<IncomingMessage, () => void>();
  const http = createHttpApp({
    routes: routeTable(deps, hub.io, city, started),
    logger: deps.logger,
    // The app answers on the caller's server, beside socket.io (which takes /socket.io/ itself); a dev server calls `handle` instead.
    serverFactory: (handler) => {
      if (deps.distDir !== null) {
        httpServer.on('request', (request: IncomingMessage, response: ServerResponse) => {
          if (!request.url?.startsWith('/socket.io/')) void ready.then(() => handler(request, response));
        });
      }
      return httpServer;
    },
    passOn: (request) => passOn.get(request),
    allowedOrigins: deps.allowedOrigins ?? [],
  });
  const ready = http.ready();

  return {
    io: hub.io,
    feed: city,
    handle: (request, response, next) => {
      passOn.set(request, next);
      ready.then(() => http.routing(request, response), next);
    },
    close: async () => {
      await (await city.catch(() => null))?.close();
      await sharedChunkDecoders.close(); // every recording is closed by now; this only makes sure no worker outlives the app
      await http.close();
      await new Promise<void>((resolve) => hub.io.close(() => resolve()));
    },
  };
}
