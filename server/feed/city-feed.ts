/**
 * The city feed as the application runs it: the recordings of the city replayed together with a
 * live layer, the socket.io rooms over them, and the HTTP side (ingest, Open311, metrics).
 */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Server } from 'socket.io';
import { expandRouteTrip } from '../../src/city/route-trip.js';
import type { ServiceRequest } from '../../src/protocol/entities.js';
import { loadCityPack } from '../city/city-pack.js';
import { handleIngest } from '../ingest/http-ingest.js';
import { startMqttIngest } from '../ingest/mqtt-ingest.js';
import type { Logger } from '../logger.js';
import { handleOpen311 } from '../open311/open311-routes.js';
import { LayeredSource } from '../sources/layered-source.js';
import { LiveSource } from '../sources/live-source.js';
import { ReplaySource } from '../sources/replay-source.js';
import { createRouteGraph } from '../traffic/route-service.js';
import { createRouteHandler } from '../traffic/route-routes.js';
import { handleOutlook } from '../weather/outlook.js';
import { WeatherDaySource } from '../weather/weather-day-source.js';
import { attachPlanner } from '../planner/planner-hub.js';
import { plannerRoomSource } from '../planner/planner-room-source.js';
import { DEFAULT_START, localHourOf } from '../traffic/build-traffic.js';
import { DEFAULT_SEED, DEFAULT_TRIPS } from '../traffic/traffic-defaults.js';
import { loadTrafficCity, type TrafficCity } from '../traffic/traffic-city.js';
import { defaultClockStart } from '../clock/default-start.js';
import { attachFeed, type RoomSource } from './feed-hub.js';
import { FeedMetrics } from './metrics.js';

/** The room surfaces join when they name none, and whose clock the Open311 endpoint reads. */
export const DEFAULT_ROOM = 'main';

/** How the feed is set up. */
export interface CityFeedConfig {
  tilesDir: string;
  city: string;
  /** Recording folders to replay together, the first setting the span; empty for live only. */
  recordings: string[];
  tokens: { operator: string; planner: string; ingest: string };
  open311ApiKey?: string;
  mqtt?: { url: string; topic: string };
  /** Where the planner's scenarios, results and recordings go (default tiles/recordings/<city>/scenarios). */
  scenariosDir?: string;
  rate: number;
  /** Where rooms' clocks start; default `startHour`:00 local of the first recording's first day. */
  startMs?: number;
  /** The local hour (city zone) rooms open at when no start is given (default 8). */
  startHour?: number;
  tickMs?: number;
  clockSyncMs?: number;
  logger: Logger;
}

/** A running feed. */
export interface CityFeed {
  metrics: FeedMetrics;
  /** Answers /ingest, /open311/v2/… and /metrics; false for any other path. */
  handleHttp(request: IncomingMessage, response: ServerResponse): Promise<boolean>;
  close(): Promise<void>;
}

/** The default recordings of a city: its day (demo: the 12345 cases), its weather and its traffic, where present. */
export function defaultRecordings(tilesDir: string, city: string): string[] {
  return ['demo', 'weather', 'traffic'].map((name) => join(tilesDir, 'recordings', city, name)).filter((dir) => existsSync(join(dir, 'recording.json')));
}

/** Opens the recordings, attaches the rooms to `io` and returns the HTTP handler. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function createCityFeed(io: Server<any, any, any, any>, config: CityFeedConfig): Promise<CityFeed> {
  const pack = await loadCityPack(config.tilesDir, config.city);
  const live = new LiveSource();
  const replays = await Promise.all(config.recordings.map((dir) => ReplaySource.open(dir)));
  const source = new LayeredSource(replays, live);
  const weatherIndex = config.recordings.findIndex((dir) => basename(dir) === 'weather');
  const timeZone = pack.manifest.timeZone;
  const trafficIndex = config.recordings.findIndex((dir) => basename(dir) === 'traffic');
  const roomSource = (): RoomSource => {
    // Every room gets its own planner controls: the traffic flip and the weather override.
    if (weatherIndex < 0) return plannerRoomSource(replays, trafficIndex, live, pack.manifest.centre);
    // Each room sees the weather series through its own shift, so a hall can lay any recorded day under its replay.
    const weather = new WeatherDaySource(replays[weatherIndex]!, replays[0]!.span().startMs, timeZone);
    const layers = replays.map((replay, i) => (i === weatherIndex ? weather : replay));
    return {
      ...plannerRoomSource(layers, trafficIndex, live, pack.manifest.centre, weatherIndex),
      weatherDay: () => weather.day,
      setWeatherDay: (date) => weather.setDay(date),
    };
  };
  // A daytime hour of the demo day unless CLOCK_START says otherwise (live only: now).
  const startMs = config.startMs ?? defaultClockStart(source.span(), timeZone, config.startHour) ?? undefined;
  const metrics = new FeedMetrics();
  const feed = attachFeed(io, {
    logger: config.logger,
    metrics,
    source,
    roomSource,
    origin: pack.manifest.centre,
    expandTrip: (trip) => expandRouteTrip(trip, pack.graph),
    // Browsers place route trips on graph.json themselves: 2.7× fewer bytes than samples (bench:feed).
    compactRoutes: true,
    tokens: { operator: config.tokens.operator, planner: config.tokens.planner },
    rate: config.rate,
    ...(startMs !== undefined ? { startMs } : {}),
    ...(config.tickMs !== undefined ? { tickMs: config.tickMs } : {}),
    ...(config.clockSyncMs !== undefined ? { clockSyncMs: config.clockSyncMs } : {}),
  });
  let trafficCity: Promise<TrafficCity> | null = null;
  const dayStartMs = trafficIndex >= 0 ? replays[trafficIndex]!.span().startMs : Date.parse(DEFAULT_START);
  const planner = attachPlanner(io, {
    logger: config.logger,
    rooms: feed.rooms,
    emitToRoom: feed.emitToRoom,
    pack,
    loadCity: () => (trafficCity ??= loadTrafficCity(config.tilesDir, config.city)),
    dir: config.scenariosDir ?? join(config.tilesDir, 'recordings', config.city, 'scenarios'),
    // As the demo day's traffic was built (npm run traffic -- build: 30 000 trips, seed 1, from local midnight).
    whatIf: { tilesDir: config.tilesDir, dayStartMs, startHour: localHourOf(DEFAULT_START), tripsPerDay: DEFAULT_TRIPS, seed: DEFAULT_SEED },
    baselineTraffic: trafficIndex >= 0 ? replays[trafficIndex]! : null,
  });
  const mqtt = config.mqtt ? startMqttIngest(config.mqtt, live, config.logger) : null;

  const currentRequests = async (): Promise<ServiceRequest[]> => {
    const room = feed.rooms.get(DEFAULT_ROOM)?.room;
    const t = room ? room.clock.snapshot().simTimeMs : (source.span()?.startMs ?? Date.now());
    const world = await source.stateAt(t);
    return [...world.entities.values()].filter((e): e is ServiceRequest => e.type === 'ServiceRequest');
  };

  // The travel guide: sim time of a room (the default room before anyone joined it: where clocks start).
  const roomTime = (name: string): number | null =>
    feed.rooms.get(name)?.room.clock.snapshot().simTimeMs ?? (name === DEFAULT_ROOM ? (startMs ?? null) : null);
  // A room not open yet has no weather day or override: the city's weather as recorded, with the live stations.
  const cityWeather = weatherIndex >= 0 ? new LayeredSource([replays[weatherIndex]!], live) : source;
  const roomWeather = (name: string) => {
    const entry = feed.rooms.get(name);
    return entry ? (entry.roomSource.weather ?? entry.roomSource.source) : cityWeather;
  };
  const handleRoute = createRouteHandler({ route: createRouteGraph(pack.graph), source, roomTime });

  return {
    metrics,
    async handleHttp(request, response) {
      const path = (request.url ?? '/').split('?')[0]!;
      if (path === '/api/route') return handleRoute(request, response);
      if (path === '/api/weather/outlook') return handleOutlook(request, response, { roomWeather, roomTime });
      if (path === '/ingest') {
        await handleIngest(request, response, live, config.tokens.ingest);
        return true;
      }
      if (path === '/metrics') {
        const rooms = [...feed.rooms].map(([name, entry]) => ({ name, members: entry.members, clock: entry.room.clock.snapshot(), weatherDay: entry.roomSource.weatherDay?.() ?? null }));
        response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
        response.end(JSON.stringify({ ...metrics.toJSON(), rooms, mqtt: mqtt?.stats ?? null }));
        return true;
      }
      return handleOpen311(request, response, {
        requests: currentRequests,
        create: async (serviceRequest) => {
          live.ingest([serviceRequest]);
          return serviceRequest;
        },
        city: config.city,
        bbox: pack.manifest.bbox,
        ...(config.open311ApiKey ? { apiKey: config.open311ApiKey } : {}),
      });
    },
    async close() {
      planner.stop();
      feed.stop();
      await mqtt?.close();
      await source.close();
    },
  };
}
