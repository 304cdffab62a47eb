/**
 * The feed on the socket.io server: clients join a room with a role; rooms tick their clock over
 * the source and broadcast snapshots, deltas and trajectory windows; privileged roles steer the
 * clock; kiosks send rate-limited visitor actions. Every rejected message gets an error reply.
 */
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Server, Socket } from 'socket.io';
import { clockCommandSchema, type ClockSync } from '../../src/protocol/clock.js';
import {
  joinRequestSchema,
  PRIVILEGED_ROLES,
  visitorActionSchema,
  type FeedAck,
  type Role,
} from '../../src/protocol/feed-wire.js';
import { CityClock } from '../clock/city-clock.js';
import type { Logger } from '../logger.js';
import type { PlannerRoomControls } from '../planner/planner-room-source.js';
import type { RoomWeather } from '../../src/protocol/room-weather.js';
import type { FeedSource } from '../sources/feed-source.js';
import type { FeedMetrics } from './metrics.js';
import { RateLimiter } from './rate-limiter.js';
import { Room } from './room.js';

/** What the feed needs. */
export interface FeedHubDeps {
  logger: Logger;
  metrics: FeedMetrics;
  source: FeedSource;
  /** A source of a room's own (e.g. with its own weather day); default: `source` for every room. */
  roomSource?: (room: string) => RoomSource;
  /** The city's centre, origin of trajectory offsets. */
  origin: [number, number];
  /** Tokens of the privileged roles. */
  tokens: { operator: string; planner: string };
  /** Where a new room's clock starts (default: the source's start, or now for live) and its rate. */
  startMs?: number;
  rate?: number;
  maxRooms?: number;
  tickMs?: number;
  clockSyncMs?: number;
  kioskActionsPerSecond?: number;
  kioskBurst?: number;
  now?: () => number;
}

/** A room's view of the city, and what a privileged role may change about it. */
export interface RoomSource {
  source: FeedSource;
  /** The room's weather alone, as `source` has it (the outlook reads it); default: `source`. */
  weather?: FeedSource;
  /** Lays the weather of a given local date (YYYY-MM-DD) under the room's day; null returns to the replayed day. Returns an error text or null. */
  setWeatherDay?: (date: string | null) => string | null;
  weatherDay?: () => string | null;
  /** The room's planner controls: the traffic view and the weather override (server/planner/). */
  planner?: PlannerRoomControls;
}

/** What the room's weather is made of beyond its recording, as the wire carries it. */
export function roomWeatherOf(roomSource: RoomSource): RoomWeather {
  return { day: roomSource.weatherDay?.() ?? null, override: roomSource.planner?.weatherPreset ?? null };
}

/** A room the feed runs, with its source. */
export interface RoomEntry {
  room: Room;
  roomSource: RoomSource;
  members: number;
  timer: NodeJS.Timeout | null;
  offClock: () => void;
}

/** Data the feed keeps on each socket. */
interface FeedSocketData {
  room?: string;
  role?: Role;
  limiter?: RateLimiter;
}

const KNOWN_EVENTS = new Set([
  'feed:join', 'clock:command', 'room:weather-day', 'visitor:action', 'time:ping', 'hello',
  // The planner's (server/planner/planner-hub.ts).
  'scenario:run', 'scenario:cancel', 'scenario:list', 'scenario:load', 'room:traffic-view', 'room:weather-override', 'planner:state',
]);
const weatherDaySchema = z.object({ date: z.iso.date().nullable() }).strict();

function tokenMatches(given: string | undefined, expected: string): boolean {
  if (!given || expected.length === 0) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Attaches the feed to a socket.io server; returns the rooms and a stop function. */
// socket.io's event maps are merged by the caller; the feed only relies on the events it names.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function attachFeed(io: Server<any, any, any, any>, deps: FeedHubDeps): { rooms: Map<string, RoomEntry>; emitToRoom: (name: string, event: string, payload: unknown) => void; stop: () => void } {
  const rooms = new Map<string, RoomEntry>();
  const tickMs = deps.tickMs ?? 250;
  const channel = (name: string): string => `room:${name}`;

  const emitToRoom = (name: string, event: string, payload: unknown): void => {
    const size = io.sockets.adapter.rooms.get(channel(name))?.size ?? 0;
    deps.metrics.messagesOut.add(size);
    io.to(channel(name)).emit(event, payload);
  };

  const roomFor = (name: string): RoomEntry | null => {
    const existing = rooms.get(name);
    if (existing) return existing;
    if (rooms.size >= (deps.maxRooms ?? 32)) return null;
    const roomSource = deps.roomSource?.(name) ?? { source: deps.source };
    const span = roomSource.source.span();
    const clock = new CityClock({ startSimTimeMs: deps.startMs ?? span?.startMs ?? (deps.now ?? Date.now)(), rate: deps.rate ?? 1, playing: true, ...(deps.now ? { now: deps.now } : {}) });
    const room = new Room(
      { name, source: roomSource.source, clock, origin: deps.origin, loop: true },
      {
        snapshot: (snapshot) => emitToRoom(name, 'feed:snapshot', snapshot),
        delta: (delta) => emitToRoom(name, 'feed:delta', delta),
        trips: (window) => emitToRoom(name, 'feed:trips', window),
        lag: (ms) => deps.metrics.lag(ms),
      },
    );
    room.start();
    const offClock = clock.onChange((sync: ClockSync) => emitToRoom(name, 'clock:sync', sync));
    const entry: RoomEntry = { room, roomSource, members: 0, timer: null, offClock };
    rooms.set(name, entry);
    return entry;
  };

  const startTicking = (entry: RoomEntry): void => {
    if (entry.timer) return;
    let syncEvery = Math.max(1, Math.round((deps.clockSyncMs ?? 10_000) / tickMs));
    entry.timer = setInterval(() => {
      entry.room.tick().catch((error: unknown) => deps.logger.error({ err: error, room: entry.room.options.name }, 'room tick failed'));
      if (--syncEvery === 0) {
        syncEvery = Math.max(1, Math.round((deps.clockSyncMs ?? 10_000) / tickMs));
        emitToRoom(entry.room.options.name, 'clock:sync', entry.room.clock.snapshot());
      }
    }, tickMs);
    entry.timer.unref();
  };

  const leave = (socket: Socket, data: FeedSocketData): void => {
    if (!data.room) return;
    const entry = rooms.get(data.room);
    void socket.leave(channel(data.room));
    deps.metrics.client(data.role ?? 'unjoined', -1);
    if (entry && --entry.members <= 0 && entry.timer) {
      // An empty hall stops ticking; its clock keeps its place for the next visitor.
      clearInterval(entry.timer);
      entry.timer = null;
    }
    data.room = undefined;
    data.role = undefined;
  };

  io.on('connection', (socket: Socket) => {
    const data = socket.data as FeedSocketData;
    const reject = (event: string, error: string, ack?: unknown): void => {
      deps.metrics.rejected.add();
      if (typeof ack === 'function') (ack as (reply: FeedAck) => void)({ ok: false, error });
      else socket.emit('error:reply', { event, error });
    };

    socket.onAny((event: unknown, ...args: unknown[]) => {
      deps.metrics.messagesIn.add();
      if (typeof event !== 'string' || !KNOWN_EVENTS.has(event)) reject(String(event).slice(0, 64), 'unknown event', args[args.length - 1]);
    });

    socket.on('feed:join', async (raw: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return reject('feed:join', 'feed:join needs an acknowledgement callback');
      const request = joinRequestSchema.safeParse(raw);
      if (!request.success) return reject('feed:join', `invalid join: ${request.error.issues[0]?.message ?? ''}`, ack);
      const { room: name, role, token } = request.data;
      if (PRIVILEGED_ROLES.includes(role) && !tokenMatches(token, deps.tokens[role as 'operator' | 'planner'])) {
        return reject('feed:join', `the ${role} role needs a valid token`, ack);
      }
      leave(socket, data);
      const entry = roomFor(name);
      if (!entry) return reject('feed:join', 'too many rooms on this server', ack);
      entry.members++;
      data.room = name;
      data.role = role;
      data.limiter = new RateLimiter(deps.kioskActionsPerSecond ?? 2, deps.kioskBurst ?? 5, deps.now);
      deps.metrics.client(role, 1);
      await socket.join(channel(name));
      startTicking(entry);
      // The extent lets the operator's seek bar span the replayed day (live only: none).
      const span = entry.roomSource.source.span();
      ack({ ok: true, room: name, role, clock: entry.room.clock.snapshot(), extent: span && { startMs: span.startMs, endMs: span.endMs }, weather: roomWeatherOf(entry.roomSource) });
      try {
        socket.emit('feed:snapshot', await entry.room.snapshot());
        deps.metrics.messagesOut.add();
      } catch (error) {
        deps.logger.error({ err: error, room: name }, 'snapshot failed');
        reject('feed:join', 'the room could not be read; try again');
      }
    });

    socket.on('clock:command', (raw: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return reject('clock:command', 'clock:command needs an acknowledgement callback');
      if (!data.room || !data.role) return reject('clock:command', 'join a room first', ack);
      if (!PRIVILEGED_ROLES.includes(data.role)) return reject('clock:command', `the ${data.role} role may not change the clock`, ack);
      const command = clockCommandSchema.safeParse(raw);
      if (!command.success) return reject('clock:command', `invalid clock command: ${command.error.issues[0]?.message ?? ''}`, ack);
      const entry = rooms.get(data.room)!;
      const clock = entry.room.clock.apply(command.data);
      ack({ ok: true, clock });
      void entry.room.tick();
    });

    socket.on('room:weather-day', (raw: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return reject('room:weather-day', 'room:weather-day needs an acknowledgement callback');
      if (!data.room || !data.role) return reject('room:weather-day', 'join a room first', ack);
      if (!PRIVILEGED_ROLES.includes(data.role)) return reject('room:weather-day', `the ${data.role} role may not change the weather day`, ack);
      const request = weatherDaySchema.safeParse(raw);
      if (!request.success) return reject('room:weather-day', 'invalid weather day: give { date: "YYYY-MM-DD" } or { date: null }', ack);
      const entry = rooms.get(data.room)!;
      if (!entry.roomSource.setWeatherDay) return reject('room:weather-day', 'this server has no weather series', ack);
      const error = entry.roomSource.setWeatherDay(request.data.date);
      if (error) return reject('room:weather-day', error, ack);
      entry.room.resync();
      emitToRoom(data.room, 'room:weather', roomWeatherOf(entry.roomSource));
      ack({ ok: true, date: request.data.date });
      void entry.room.tick();
    });

    socket.on('visitor:action', (raw: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return reject('visitor:action', 'visitor:action needs an acknowledgement callback');
      if (!data.room || !data.role) return reject('visitor:action', 'join a room first', ack);
      if (data.role === 'wall') return reject('visitor:action', 'a wall does not send visitor actions', ack);
      const action = visitorActionSchema.safeParse(raw);
      if (!action.success) return reject('visitor:action', `invalid action: ${action.error.issues[0]?.message ?? ''}`, ack);
      if (data.role === 'kiosk' && !data.limiter!.take()) return reject('visitor:action', 'too many actions; slow down', ack);
      ack({ ok: true });
      emitToRoom(data.room, 'visitor:action', { ...action.data, from: data.role });
    });

    socket.on('disconnect', () => leave(socket, data));
  });

  return {
    rooms,
    emitToRoom,
    stop: () => {
      for (const entry of rooms.values()) {
        if (entry.timer) clearInterval(entry.timer);
        entry.offClock();
        entry.room.dispose();
      }
      rooms.clear();
    },
  };
}
