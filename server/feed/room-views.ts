/** What the HTTP endpoints read of the rooms: a room's sim time and weather, the default room's service requests, the rooms for /metrics. */
import type { ServiceRequest } from '../../src/protocol/entities.js';
import type { FeedSource } from '../sources/feed-source.js';
import type { RoomEntry } from './feed-hub.js';

/** The room surfaces join when they name none, and whose clock the Open311 endpoint reads. */
export const DEFAULT_ROOM = 'main';

/** Reads of the rooms; `startMs` is where clocks start, `cityWeather` the weather of a room not open yet. */
export function roomViews(rooms: Map<string, RoomEntry>, source: FeedSource, cityWeather: FeedSource, startMs: number | undefined) {
  return {
    /** Sim time of a room (the default room before anyone joined it: where clocks start), or null when there is no such room. */
    roomTime: (name: string): number | null => rooms.get(name)?.room.clock.snapshot().simTimeMs ?? (name === DEFAULT_ROOM ? (startMs ?? null) : null),
    /** A room's weather as it sees it; a room not open yet has no weather day or override: the city's weather as recorded, with the live stations. */
    roomWeather: (name: string): FeedSource => {
      const entry = rooms.get(name);
      return entry ? (entry.roomSource.weather ?? entry.roomSource.source) : cityWeather;
    },
    /** The service requests at the default room's time (the start of the recordings before it opens). */
    serviceRequests: async (): Promise<ServiceRequest[]> => {
      const room = rooms.get(DEFAULT_ROOM)?.room;
      const t = room ? room.clock.snapshot().simTimeMs : (source.span()?.startMs ?? Date.now());
      const world = await source.stateAt(t);
      return [...world.entities.values()].filter((e): e is ServiceRequest => e.type === 'ServiceRequest');
    },
    /** Each room's name, members, clock and weather day, for /metrics. */
    report: () => [...rooms].map(([name, entry]) => ({ name, members: entry.members, clock: entry.room.clock.snapshot(), weatherDay: entry.roomSource.weatherDay?.() ?? null })),
  };
}
