/**
 * The weather outlook ahead of a room's clock: the recording is the future (a replay knows the next
 * hours), so "next hours" is the WeatherObserved in force at each whole hour from now on.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WeatherObserved } from '../../src/protocol/entities.js';
import { outlookQuerySchema, type OutlookHour, type OutlookReply } from '../../src/protocol/guide.js';
import { readRoomQuery, sendJson } from '../http/room-query.js';
import type { FeedSource } from '../sources/feed-source.js';

const HOUR_MS = 3_600_000;

/** The latest WeatherObserved of a world (by dateObserved), or null. */
export function latestWeather(entities: Iterable<{ type: string }>): WeatherObserved | null {
  let best: WeatherObserved | null = null;
  for (const entity of entities) {
    if (entity.type !== 'WeatherObserved') continue;
    const weather = entity as WeatherObserved;
    if (!best || weather.dateObserved > best.dateObserved) best = weather;
  }
  return best;
}

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

/** Now (at `t`) and the next `hours` whole hours, read from `source`. */
export async function weatherOutlook(source: FeedSource, t: number, hours: number): Promise<OutlookHour[]> {
  const firstHour = Math.floor(t / HOUR_MS) * HOUR_MS + HOUR_MS;
  const instants = [t, ...Array.from({ length: hours }, (_, i) => firstHour + i * HOUR_MS)];
  const worlds = await Promise.all(instants.map((at) => source.stateAt(at)));
  return worlds.map((world, i) => outlookHour(instants[i]!, latestWeather(world.entities.values())));
}

/** What the outlook route needs from the feed. */
export interface OutlookDeps {
  /** The weather recording (or any source with WeatherObserved). */
  source: FeedSource;
  /** Sim time of a room, or null when there is no such room. */
  roomTime: (room: string) => number | null;
}

/** Answers GET /api/weather/outlook; false for any other path. */
export async function handleOutlook(request: IncomingMessage, response: ServerResponse, deps: OutlookDeps): Promise<boolean> {
  const read = readRoomQuery(request, response, '/api/weather/outlook', outlookQuerySchema, deps.roomTime);
  if (read === undefined) return false;
  if (read === null) return true;
  const reply: OutlookReply = { ok: true, room: read.query.room, t: read.t, hours: await weatherOutlook(deps.source, read.t, read.query.hours) };
  sendJson(response, 200, reply);
  return true;
}
