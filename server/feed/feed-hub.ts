/**
 * The feed on the socket.io server: clients join a room with a role; rooms tick their clock over
 * the source and broadcast snapshots, deltas and trajectory windows; privileged roles steer the
 * clock; kiosks send rate-limited visitor actions. Every rejected message gets an error reply.
 */
import { timingSafeEqual } from 'node:crypto';
import type { ClockSync } from '../../src/protocol/clock.js';
import { PRIVILEGED_ROLES } from '../../src/protocol/feed-wire.js';
import type { WeatherOverride } from '../../src/protocol/planner-wire.js';
import type { RoomWeather } from '../../src/protocol/room-weather.js';
import type { ServerEventName, ServerPayload } from '../../src/protocol/socket-events.js';
import { CityClock } from '../clock/city-clock.js';
import type { RoomClockKeeper } from '../clock/room-clocks.js';
import type { HubServer } from '../hub/hub.js';
import { onEvent, refuseMessage, refuseUnknownEvents, type EventGuard, type HubSocket } from '../hub/on-event.js';
import type { Logger } from '../logger.js';
import { unavailableReason } from '../store/database.js';
import type { FeedSource } from '../sources/feed-source.js';
import type { FeedMetrics } from './metrics.js';
import { RateLimiter } from './rate-limiter.js';
import { Room } from './room.js';

/** What the feed needs; `S` is the rooms' source, with whatever the composition root adds to it. */
export interface FeedHubDeps<S extends RoomSource = RoomSource> {
  logger: Logger;
  metrics: FeedMetrics;
  source: FeedSource;
  /** A source of a room's own (e.g. with its own weather day); default: `source` for every room. */
  roomSource?: (room: string) => S;
  /** The city's centre, origin of trajectory offsets. */
  origin: [number, number];
  /** Tokens of the privileged roles. */
  tokens: { operator: string; planner: string };
  /** Where a new room's clock starts (default: the source's start, or now for live) and its rate. */
  startMs?: number;
  rate?: number;
  /** Keeps each room's clock across restarts (clock/room-clocks.ts); default: every room opens at `startMs`. */
  clocks?: RoomClockKeeper;
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
  /** The weather override laid over the room's weather, if any (the planner's). */
  weatherOverride?: () => WeatherOverride | null;
}

/** What the room's weather is made of beyond its recording, as the wire carries it. */
export function roomWeatherOf(roomSource: RoomSource): RoomWeather {
  return { day: roomSource.weatherDay?.() ?? null, override: roomSource.weatherOverride?.() ?? null };
}

/** A room the feed runs, with its source. */
export interface RoomEntry<S extends RoomSource = RoomSource> {
  room: Room;
  roomSource: S;
  members: number;
  timer: NodeJS.Timeout | null;
  offClock: () => void;
}

/** Sends an event to everyone in a room. */
export type EmitToRoom = <E extends ServerEventName>(name: string, event: E, payload: ServerPayload<E>) => void;

/** The running feed: its rooms, and what the composition root hands on to the planner. */
export interface FeedHub<S extends RoomSource = RoomSource> {
  rooms: Map<string, RoomEntry<S>>;
  emitToRoom: EmitToRoom;
  /** Sends an open room its world afresh after its source changed under the clock. */
  resync: (name: string) => void;
  stop: () => void;
}

function tokenMatches(given: string | undefined, expected: string): boolean {
  if (!given || expected.length === 0) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Attaches the feed to the hub's socket.io server; returns the rooms and a stop function. */
export function attachFeed<S extends RoomSource = RoomSource>(io: HubServer, deps: FeedHubDeps<S>): FeedHub<S> {
  const rooms = new Map<string, RoomEntry<S>>();
  const tickMs = deps.tickMs ?? 250;
  const channel = (name: string): string => `room:${name}`;
  const guard: EventGuard = { logger: deps.logger, rejected: () => deps.metrics.rejected.add(), received: () => deps.metrics.messagesIn.add() };

  const emitToRoom: EmitToRoom = (name, event, payload) => {
    const size = io.sockets.adapter.rooms.get(channel(name))?.size ?? 0;
    deps.metrics.messagesOut.add(size);
    // socket.io cannot pair a generic event with its payload; the signature above does.
    (io.to(channel(name)) as unknown as { emit(event: string, payload: unknown): void }).emit(event, payload);
  };

  const roomFor = (name: string): RoomEntry<S> | null => {
    const existing = rooms.get(name);
    if (existing) return existing;
    if (rooms.size >= (deps.maxRooms ?? 32)) return null;
    // Without a factory S is the plain RoomSource.
    const roomSource = deps.roomSource?.(name) ?? ({ source: deps.source } as S);
    const span = roomSource.source.span();
    const clock = new CityClock({
      startSimTimeMs: deps.startMs ?? span?.startMs ?? (deps.now ?? Date.now)(),
      rate: deps.rate ?? 1,
      playing: true,
      // A room saved before resumes where its clock was.
      ...deps.clocks?.saved(name),
      ...(deps.now ? { now: deps.now } : {}),
    });
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
    const entry: RoomEntry<S> = { room, roomSource, members: 0, timer: null, offClock };
    rooms.set(name, entry);
    return entry;
  };

  /** Ticks a room at once (after its clock or source changed); a failure is logged as the timer's are. */
  const tickNow = (entry: RoomEntry<S>): void => {
    entry.room.tick().catch((error: unknown) => deps.logger.error({ err: error, room: entry.room.options.name }, 'room tick failed'));
  };

  const startTicking = (entry: RoomEntry<S>): void => {
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

  const leave = (socket: HubSocket): void => {
    const data = socket.data;
    if (!data.room) return;
    const entry = rooms.get(data.room);
    void socket.leave(channel(data.room));
    deps.metrics.client(data.role ?? 'unjoined', -1);
    if (entry && --entry.members <= 0 && entry.timer) {
      // An empty hall stops ticking; its clock keeps its place for the next visitor.
      clearInterval(entry.timer);
      entry.timer = null;
      deps.clocks?.checkpoint(data.room, entry.room.clock);
    }
    data.room = undefined;
    data.role = undefined;
  };

  io.on('connection', (socket) => {
    const data = socket.data;
    refuseUnknownEvents(socket, guard);

    onEvent(socket, guard, 'feed:join', async ({ room: name, role, token }, { ack, refuse }) => {
      if (PRIVILEGED_ROLES.includes(role) && !tokenMatches(token, deps.tokens[role as 'operator' | 'planner'])) return refuse(`the ${role} role needs a valid token`);
      leave(socket);
      const entry = roomFor(name);
      if (!entry) return refuse('too many rooms on this server');
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
        refuseMessage(socket, guard, 'feed:join', 'the room could not be read; try again');
      }
    });

    onEvent(socket, guard, 'clock:command', async (command, { ack, refuse, joined }) => {
      const entry = rooms.get(joined.room)!;
      let clock: ClockSync;
      try {
        // Acknowledged only once durable: the keeper saves the new state before the clock takes it.
        clock = deps.clocks ? await deps.clocks.command(joined.room, entry.room.clock, command) : entry.room.clock.apply(command);
      } catch (error) {
        return refuse(`the clock was not changed: ${unavailableReason(error) ?? 'it could not be saved; try again'}`);
      }
      ack({ ok: true, clock });
      tickNow(entry);
    });

    onEvent(socket, guard, 'room:weather-day', ({ date }, { ack, refuse, joined }) => {
      const entry = rooms.get(joined.room)!;
      if (!entry.roomSource.setWeatherDay) return refuse('this server has no weather series');
      const error = entry.roomSource.setWeatherDay(date);
      if (error) return refuse(error);
      entry.room.resync();
      emitToRoom(joined.room, 'room:weather', roomWeatherOf(entry.roomSource));
      ack({ ok: true, date });
      tickNow(entry);
    });

    onEvent(socket, guard, 'visitor:action', (action, { ack, refuse, joined }) => {
      if (joined.role === 'kiosk' && !data.limiter!.take()) return refuse('too many actions; slow down');
      ack({ ok: true });
      emitToRoom(joined.room, 'visitor:action', { ...action, from: joined.role });
    });

    socket.on('disconnect', () => leave(socket));
  });

  return {
    rooms,
    emitToRoom,
    resync: (name) => {
      const entry = rooms.get(name);
      if (!entry) return;
      entry.room.resync();
      tickNow(entry);
    },
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
