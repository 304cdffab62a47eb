/**
 * The weather outlook ahead of a room's clock: the recording is the future (a replay knows the next
 * hours), so "next hours" is the room's weather at each whole hour from now on — read from the
 * room's own weather (its weather day, the planner's override, live stations) and picked by the
 * same rule as the guide's "now" and the scene (src/weather/effective-weather.ts).
 */
import type { RouteHandlerMethod } from 'fastify';
import type { WeatherObserved } from '../../src/protocol/entities.js';
import { outlookQuerySchema, type OutlookHour, type OutlookReply } from '../../src/protocol/guide.js';
import { effectiveWeather } from '../../src/weather/effective-weather.js';
import { readRoomQuery, sendJson } from '../http/room-query.js';
import type { FeedSource } from '../sources/feed-source.js';

const HOUR_MS = 3_600_000;

/** The WeatherObserved entities of a world. */
const observations = (entities: Iterable<{ type: string }>): WeatherObserved[] => [...entities].filter((e): e is WeatherObserved => e.type === 'WeatherObserved');

/** One outlook hour from an observation. */
export function outlookHour(t: number, weather: WeatherObserved | null): OutlookHour {
  return {
    t,
    temperature: weather?.temperature ?? null,
    relativeHumidity: weather?.relativeHumidity ?? null,
    windSpeed: weather?.windSpeed ?? null,
    windDirection: weather?.windDirection ?? null,
    precipitation: weather?.precipitation ?? null,
    pm25: weather?.pm25 ?? null,
  };
}

/** Now (at `t`) and the next `hours` whole hours, read from `source` (a room's weather). */
export async function weatherOutlook(source: FeedSource, t: number, hours: number): Promise<OutlookHour[]> {
  const firstHour = Math.floor(t / HOUR_MS) * HOUR_MS + HOUR_MS;
  const instants = [t, ...Array.from({ length: hours }, (_, i) => firstHour + i * HOUR_MS)];
  const worlds = await Promise.all(instants.map((at) => source.stateAt(at)));
  return worlds.map((world, i) => outlookHour(instants[i]!, effectiveWeather(observations(world.entities.values()))));
}

/** What the outlook route needs from the feed. */
export interface OutlookDeps {
  /** The weather of a room as the room sees it (RoomSource.weather; the city's own for a room not open yet). */
  roomWeather: (room: string) => FeedSource;
  /** Sim time of a room, or null when there is no such room. */
  roomTime: (room: string) => number | null;
}

/** Creates the handler of GET /api/weather/outlook. */
export function createOutlookHandler(deps: OutlookDeps): RouteHandlerMethod {
  return async (request, reply) => {
    const read = readRoomQuery(request, reply, outlookQuerySchema, deps.roomTime);
    if (read === null) return reply;
    const hours = await weatherOutlook(deps.roomWeather(read.query.room), read.t, read.query.hours);
    const outlook: OutlookReply = { ok: true, room: read.query.room, t: read.t, hours };
    return sendJson(reply, 200, outlook);
  };
}
